import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { allows, requireKnownProject, type ApiCaller } from '../../services/api/index.js';
import type { Mount } from '../http/api-env.js';
import { fieldIssues } from '../http/field-issues.js';
import { problem, problemResponse } from '../http/problem.js';
import type { UpgradeBindings } from '../http/upgrade-request.js';
import { projectInput } from '../../services/api/task-schemas.js';
import type { AgentTerminal } from './terminal-session.js';
import { runTerminal } from './terminal-session.js';
import type { TerminalTask } from './terminal-frames.js';

/** The daemon's running agents, as a terminal opens them (task-terminals.ts). */
export interface TaskTerminals {
  open(projectRoot: string, ref: string): Promise<{ task: TerminalTask; agent: AgentTerminal }>;
}

export interface TerminalMountOptions {
  terminals: TaskTerminals;
  /** The tenant the daemon's coding tasks are announced in (their events' feed): only its callers attach. */
  tenant: string;
  log: { warn(message: string, fields?: Record<string, unknown>): void };
}

const size = z.coerce.number().int().min(2).max(1000).optional();
const query = z.strictObject({ project: projectInput, cols: size, rows: size });

/**
 * `GET /tasks/{ref}/terminal?project=…` upgraded to a WebSocket: a live terminal on the task's agent
 * (issue 15; protocol in terminal-frames.ts, docs/api.md). The request comes through the API app
 * (upgrade-request.ts), so the Host and Origin checks and the token or session cookie have passed
 * before this route runs; here the caller must also be of the tasks' tenant, and a cookie must come
 * with the page's Origin (typing changes state). Read access watches; write access types and resizes.
 */
export function mountTerminal(options: TerminalMountOptions): { mount: Mount; close(): void } {
  const server = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  const viewers = new Set<WebSocket>();
  const mount: Mount = (app) => {
    app.get('/tasks/:ref/terminal', (c) => {
      const upgrade = (c.env as UpgradeBindings | undefined)?.upgrade;
      if (upgrade === undefined) {
        return problemResponse(problem(ErrorCode.USAGE, 'the task terminal is a WebSocket: open it with an Upgrade request', { status: 426, hint: 'See docs/api.md, "The task terminal".' }));
      }
      const caller = c.get('caller');
      checkCaller(caller, options.tenant, c.req.header('authorization') === undefined && c.req.header('origin') === undefined);
      const parsed = query.safeParse(c.req.query());
      if (!parsed.success) throw new OrchestraError(ErrorCode.USAGE, 'the terminal request has bad query parameters', { fields: fieldIssues(parsed.error) });
      const project = requireKnownProject(c.get('deps'), parsed.data.project);
      const ref = c.req.param('ref');
      const { cols, rows } = parsed.data;
      upgrade.take();
      server.handleUpgrade(upgrade.request, upgrade.socket, upgrade.head, (socket) => {
        viewers.add(socket);
        socket.on('close', () => viewers.delete(socket));
        runTerminal(socket, {
          open: () => options.terminals.open(project, ref),
          size: cols !== undefined && rows !== undefined ? { cols, rows } : undefined,
          canType: allows(caller.access, 'write'),
        }).catch((error: Error) => {
          options.log.warn('a task terminal failed', { error: error.message });
          socket.terminate();
        });
      });
      return c.body(null, 204);
    });
  };
  return {
    mount,
    close() {
      // Told why, then cut off shortly after: the HTTP server's close waits for every socket.
      for (const viewer of viewers) {
        viewer.close(1001, 'the daemon is stopping');
        setTimeout(() => viewer.terminate(), 500).unref();
      }
      server.close();
    },
  };
}

function checkCaller(caller: ApiCaller, tenant: string, cookieWithoutOrigin: boolean): void {
  if (caller.scope.tenant !== tenant) {
    throw new OrchestraError(ErrorCode.FORBIDDEN, `the task terminals are the ${JSON.stringify(tenant)} tenant's, not ${JSON.stringify(caller.scope.tenant)}'s`, {
      hint: `The daemon's coding-agent tasks and their events are in the ${JSON.stringify(tenant)} tenant: use a token (or \`orchestra open\`) of that tenant.`,
    });
  }
  if (cookieWithoutOrigin) {
    throw new OrchestraError(ErrorCode.FORBIDDEN, 'a terminal opened with the session cookie must come from the dashboard (it has no Origin)', {
      hint: 'Programs authenticate with `Authorization: Bearer <token>`, not the cookie.',
    });
  }
}
