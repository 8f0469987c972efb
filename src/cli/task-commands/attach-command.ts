import { ExitCode } from '../../core/errors.js';
import type { TaskView } from '../../server/tasks/task-queries.js';
import type { CommandContext } from '../command-context.js';
import { connectDaemon } from '../daemon-connection.js';
import { defaultDetachKey, parseDetachKey } from './detach-key.js';
import { forTaskOrRun } from './task-or-run.js';

export interface AttachTaskOptions {
  detachKey?: string;
  json?: boolean;
}

type TtyIn = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
type TtyOut = NodeJS.WritableStream & { columns?: number; rows?: number; on?: (event: 'resize', listener: () => void) => unknown; off?: (event: 'resize', listener: () => void) => unknown };

/**
 * `orchestra attach <task>`: redraws the agent's screen, then streams it both ways until the detach
 * key (Ctrl-] by default) or the agent's exit. Detaching leaves the agent running. A pipeline run's
 * id attaches to the run instead (its events).
 */
export async function attachTaskCommand(ctx: CommandContext, ref: string, options: AttachTaskOptions): Promise<number> {
  const detach = parseDetachKey(options.detachKey ?? ctx.io.env.ORCHESTRA_DETACH_KEY ?? defaultDetachKey);
  return forTaskOrRun(ctx, ref, (project) => attachTask(ctx, project, ref, detach), async () => (await import('../commands/attach.js')).attachCommand(ctx, ref, options));
}

async function attachTask(ctx: CommandContext, project: string, ref: string, detach: string): Promise<number> {
  const stdin = ctx.io.stdin as TtyIn;
  const stdout = ctx.io.stdout as TtyOut;
  const client = await connectDaemon(ctx);
  let pending: string[] | undefined = [];
  let finish!: (code: number) => void;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  client.onNotification('session.output', (params: { data: string }) => (pending === undefined ? stdout.write(params.data) : pending.push(params.data)));
  client.onNotification('session.exit', (params: { exitCode: number }) => {
    stdout.write(`\r\n[the agent exited with code ${params.exitCode}]\r\n`);
    finish(ExitCode.OK);
  });
  client.onClose(() => {
    stdout.write('\r\n[the orchestra daemon went away]\r\n');
    finish(ExitCode.INTERNAL);
  });
  const size = attachSize(stdout);
  const answer = await client.call<{ task: TaskView; screen: string }>('task.attach', { project, ref, ...size }).catch((error: unknown) => {
    client.close();
    throw error;
  });
  stdout.write(`\u001b[H\u001b[2J${answer.screen}`);
  for (const data of pending) stdout.write(data);
  pending = undefined;

  const onInput = (chunk: Buffer | string): void => {
    const text = chunk.toString();
    const at = text.indexOf(detach);
    if (at === -1) return void client.notify('session.input', { data: text });
    if (at > 0) client.notify('session.input', { data: text.slice(0, at) });
    stdout.write(`\r\n[detached from task ${answer.task.id} (${answer.task.slug}); the agent keeps running]\r\n`);
    void client.call('task.detach', {}).finally(() => finish(ExitCode.OK));
  };
  const onResize = (): void => client.notify('session.resize', attachSize(stdout));
  const raw = stdin.isTTY === true && typeof stdin.setRawMode === 'function';
  if (raw) stdin.setRawMode?.(true);
  stdin.on('data', onInput);
  stdin.resume?.();
  stdout.on?.('resize', onResize);
  try {
    return await finished;
  } finally {
    stdin.off('data', onInput);
    stdout.off?.('resize', onResize);
    if (raw) stdin.setRawMode?.(false);
    stdin.pause?.();
    client.close();
    // process.stdin stops its handle one tick after pause(). Whoever listens next (the watch table)
    // must come after that, or its 'readable' listener never sees another key.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The size the agent gets from this terminal. A terminal that reports 0x0 (some embedded terminals,
 * a pane before its first layout) or none at all gets 80x24, the classic default, instead of a refusal.
 */
export function attachSize(out: { columns?: number; rows?: number }): { cols: number; rows: number } {
  const usable = (out.columns ?? 0) > 0 && (out.rows ?? 0) > 0;
  return usable ? { cols: out.columns as number, rows: out.rows as number } : { cols: 80, rows: 24 };
}
