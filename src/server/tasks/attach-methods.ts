import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { defineMethod, type AnyRpcMethod, type RpcPeer } from '../rpc/index.js';
import { attachableAgent } from './attachable-agent.js';
import type { TaskService } from './task-service.js';

const size = { cols: z.number().int().min(2).max(1000), rows: z.number().int().min(2).max(1000) };

/**
 * Attaching: `task.attach` answers with the current screen, then streams `session.output` to that
 * connection until `task.detach`, the connection closes or the agent exits (`session.exit`).
 * Keystrokes come back as `session.input`, terminal sizes as `session.resize`; the PTY takes the
 * size of the terminal that attached or resized last. Any number of terminals may watch.
 * `task.subscribe` streams every task change as `task.changed` (agent output too with `{ output: true }`).
 */
export function attachMethods(service: TaskService): AnyRpcMethod[] {
  const detachers = new Map<number, () => void>();
  return [
    defineMethod({
      name: 'task.attach',
      params: z.object({ project: z.string().refine(isAbsolute, 'must be an absolute path'), ref: z.string().min(1), ...size }),
      handle: async (p, call) => {
        const { task, agent } = await attachableAgent(service, p.project, p.ref);
        detachers.get(call.peer.id)?.();
        const session = agent.session;
        const { cols, rows } = session.size();
        if (cols !== p.cols || rows !== p.rows) session.resize(p.cols, p.rows);
        // Stream from the moment the screen is taken: what follows it is not in it. The client holds
        // output that arrives before this answer and plays it after drawing the screen.
        const stop = streamTo(call.peer, {
          output: (listener) => session.onOutput(listener),
          exit: (listener) => session.onExit(listener),
          input: (data) => agent.input(data),
          resize: (c, r) => session.resize(c, r),
        });
        const screen = await session.screen();
        detachers.set(call.peer.id, stop);
        call.peer.onClose(() => detachers.get(call.peer.id)?.());
        return { task: await service.get(p.project, String(task.id)), screen, cols: p.cols, rows: p.rows };
      },
    }),
    defineMethod({
      name: 'task.detach',
      params: z.object({}).optional(),
      handle: async (_p, call) => {
        detachers.get(call.peer.id)?.();
        detachers.delete(call.peer.id);
        return { ok: true };
      },
    }),
    defineMethod({
      name: 'task.subscribe',
      // `output` changes (at most one a second per busy agent) only for those that show last lines.
      params: z.object({ output: z.boolean().default(false) }).optional(),
      handle: async (p, call) => {
        const withOutput = p?.output === true;
        const off = service.onChange((change) => {
          if ((change.kind !== 'output' || withOutput) && !call.peer.closed) call.peer.notify('task.changed', change);
        });
        call.peer.onClose(off);
        return { ok: true };
      },
    }),
  ];
}

interface StreamSource {
  output(listener: (data: string) => void): () => void;
  exit(listener: (exit: { exitCode: number; signal?: number }) => void): () => void;
  input(data: string): void;
  resize(cols: number, rows: number): void;
}

function streamTo(peer: RpcPeer, source: StreamSource): () => void {
  const offs = [
    source.output((data) => peer.notify('session.output', { data })),
    source.exit((exit) => peer.notify('session.exit', exit)),
    peer.onNotification('session.input', (params) => {
      const data = (params as { data?: unknown })?.data;
      if (typeof data === 'string') source.input(data);
    }),
    peer.onNotification('session.resize', (params) => {
      const parsed = z.object(size).safeParse(params);
      if (parsed.success) source.resize(parsed.data.cols, parsed.data.rows);
    }),
  ];
  return () => offs.splice(0).forEach((off) => off());
}
