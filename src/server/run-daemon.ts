import { realpathSync } from 'node:fs';
import { createDaemonLog, daemonPaths, startDaemonServer, type DaemonServer } from './daemon/index.js';
import { startDaemonApi } from './http/daemon-api.js';
import { gateMethods } from './daemon/gate-methods.js';
import { httpStateCell } from './daemon/http-state.js';
import { startHumanWork } from './human-work/start-human-work.js';
import { DaemonState } from './tasks/daemon-state.js';
import { attachMethods } from './tasks/attach-methods.js';
import { createProfileSource } from './tasks/profile-source.js';
import { taskMethods } from './tasks/task-methods.js';
import { TaskService } from './tasks/task-service.js';
import { taskPort } from './tasks/task-port.js';
import { taskTerminals } from './terminal/task-terminals.js';

// Served during recovery too: they change nothing, so they cannot race it.
const readOnlyMethods = ['task.list', 'task.get', 'task.diff', 'task.logs', 'task.subscribe'];

export interface RunDaemonOptions {
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  /** argv of `orchestra hook <source>`, which agents' hooks run to report to this daemon. */
  hookCommand: string[];
  /** argv of `orchestra mcp`: Orchestra's MCP server in each task agent's session config. */
  mcpCommand?: string[];
  quietMs?: number;
  /** How often the SLA sweeper and the notification delivery loop look for work when idle (default 1 s / 5 s). */
  humanPollMs?: number;
  /** SIGINT/SIGTERM stop the daemon gracefully. */
  signals?: { on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown };
  /** Where the HTTP API listens (default: ORCHESTRA_HTTP_HOST / ORCHESTRA_HTTP_PORT, else 127.0.0.1:4777). */
  http?: { host?: string; port?: number };
  /** Told the HTTP API's URL once it listens (`orchestra serve` prints it). */
  onHttpReady?: (url: string) => void;
  /**
   * An HTTP API that cannot start stops the daemon, which then rejects with its error
   * (`orchestra serve`); otherwise the daemon serves its socket without it and logs why.
   */
  httpRequired?: boolean;
}

/**
 * The daemon process: one per user. Serves JSON-RPC on its socket, resumes the agents a previous
 * daemon left, and on shutdown stops its agents while keeping their records, so the next daemon
 * resumes their sessions. Resolves when the daemon has stopped.
 */
export async function runDaemon(options: RunDaemonOptions): Promise<void> {
  const paths = daemonPaths(options.home);
  const log = createDaemonLog(paths.logFile);
  const state = DaemonState.load(paths.stateDir, (message) => log.warn(message));
  const service = new TaskService({
    home: options.home,
    state,
    log,
    env: options.env,
    hookCommand: options.hookCommand,
    ...(options.mcpCommand !== undefined && { mcpCommand: options.mcpCommand }),
    quietMs: options.quietMs ?? 2_000,
    profiles: createProfileSource(options.env),
  });
  let stopped!: () => void;
  const done = new Promise<void>((resolve) => (stopped = resolve));
  // Recovery starts once this daemon owns the socket; task methods wait for it (see gateMethods).
  let startRecovery!: () => void;
  const recovered = new Promise<void>((resolve) => (startRecovery = resolve)).then(() =>
    service.recover().catch((error: Error) => log.error('agent recovery failed', { error: error.message })),
  );
  let humanWork: Promise<{ stop(): Promise<void> } | undefined> = Promise.resolve(undefined);
  let httpApi: Promise<{ stop(): Promise<void> } | undefined> = Promise.resolve(undefined);
  let httpFailure: Error | undefined;
  const http = httpStateCell();
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    log.info('daemon stopping', { agents: service.liveAgents });
    // Agents recovery is still resuming would outlive a daemon that stopped before them.
    void recovered
      .then(() =>
        Promise.all([
          service.shutdown(),
          humanWork.then((work) => work?.stop()).catch((error: Error) => log.error('stopping human-task work failed', { error: error.message })),
          httpApi.then((api) => api?.stop()).catch((error: Error) => log.error('stopping the HTTP API failed', { error: error.message })),
        ]),
      )
      .then(() => server.close())
      .finally(stopped);
  };
  let server: DaemonServer;
  try {
    const methods = gateMethods(recovered, [...taskMethods(service), ...attachMethods(service)], readOnlyMethods);
    server = await startDaemonServer({ home: options.home, methods, log, onShutdownRequest: shutdown, http });
  } catch (error) {
    // Losing a start race to another daemon ends up here: that one serves, this one leaves.
    log.error('daemon did not start', { error: (error as Error).message });
    log.close();
    throw error;
  }
  options.signals?.on('SIGTERM', shutdown);
  options.signals?.on('SIGINT', shutdown);
  log.info('daemon started', { pid: process.pid, socket: server.socketPath });
  startRecovery();
  // SLA escalations and notification deliveries (issue 10), once this daemon owns the socket; a bad
  // config.yaml leaves them off, not the daemon.
  humanWork = startHumanWork({ home: options.home, env: options.env, log, ...(options.humanPollMs !== undefined && { pollMs: options.humanPollMs }) }).catch((error: Error) => {
    log.error('human-task timers and notifications are off', { error: error.message });
    return undefined;
  });
  // The HTTP API (issue 12), once this daemon owns the socket (so a losing daemon never writes http.json).
  httpApi = startDaemonApi({ home: options.home, env: options.env, log, projects: { list: () => realPaths(state.projects) }, tasks: taskPort(service), taskChanges: service, terminals: taskTerminals(service), ...options.http }).then(
    (api) => {
      log.info('HTTP API listening', { url: api.url });
      http.set({ state: 'listening', url: api.url });
      options.onHttpReady?.(api.url);
      return api;
    },
    (error: Error) => {
      log.error('the HTTP API is off', { error: error.message });
      http.set({ state: 'off', error: error.message });
      if (options.httpRequired === true) {
        httpFailure = error;
        shutdown();
      }
      return undefined;
    },
  );
  await done;
  log.info('daemon stopped');
  log.close();
  if (httpFailure !== undefined) throw httpFailure;
}

/** The projects as requireKnownProject compares them: real paths (a root the CLI found may go through a symlink). */
function realPaths(projects: readonly string[]): string[] {
  return projects.flatMap((project) => {
    try {
      return [realpathSync(project)];
    } catch {
      return [];
    }
  });
}
