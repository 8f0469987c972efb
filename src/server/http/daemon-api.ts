import { systemClock } from '../../core/clock.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { authenticateSession, authenticateToken } from '../../services/auth/index.js';
import { packagePath } from '../../core/package-root.js';
import { mountDashboard } from '../web/mount-dashboard.js';
import { createHumanTaskSettings, operations, type ApiDeps } from '../../services/api/index.js';
import { defaultDbPath, prepareOrchestraHome } from '../../store/home.js';
import { openSqliteStore, watchStoreChanges } from '../../store/sqlite/index.js';
import { authenticateLocal } from '../../services/auth/index.js';
import { startFeedRetention } from '../../services/events/feed-retention.js';
import { mountEvents } from '../sse/mount-events.js';
import { createFeedWakeup } from '../../services/events/index.js';
import { feedTaskChanges, type TaskFeedOptions } from '../tasks/task-feed.js';
import { mountTerminal, type TaskTerminals } from '../terminal/mount-terminal.js';
import { daemonPaths } from '../daemon/daemon-paths.js';
import { removeHttpFile, writeHttpFile } from '../daemon/http-file.js';
import { mountMcp } from '../mcp/mount-mcp.js';
import { createRunLauncher } from '../runs/run-launcher.js';
import { mountTrpc } from '../trpc/index.js';
import { createHttpApp } from './create-http-app.js';
import { defaultHttpPort, isLoopbackHost, serverHostNames } from './http-address.js';
import { daemonHttpSettings } from './http-settings.js';
import { startHttpServer, type HttpServer } from './start-http-server.js';

export interface DaemonApiOptions {
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  log: ApiDeps['log'];
  projects: ApiDeps['projects'];
  /** The daemon's coding-agent tasks (`taskPort(service)`). */
  tasks: ApiDeps['tasks'];
  /** Their changes, appended to the event feed as kind `task` (the task service's onChange). */
  taskChanges: TaskFeedOptions['tasks'];
  /** The running agents, for the task terminal's WebSocket (`taskTerminals(service)`); without it, no terminal. */
  terminals?: TaskTerminals;
  /** Default: ORCHESTRA_HTTP_HOST, else config.yaml's http.host, else 127.0.0.1. */
  host?: string;
  /** Default: ORCHESTRA_HTTP_PORT (0: any free port), else config.yaml's http.port, else 4777, or any free port when 4777 is taken. */
  port?: number;
}

/**
 * The daemon's HTTP API (issue 12): the operation table on the user's store, on 127.0.0.1 unless
 * told otherwise (http-settings.ts: options, environment, then the `http:` section of
 * `<home>/config.yaml`, which also names the CORS origins), its URL in `<home>/daemon/http.json`
 * while it serves. `stop()` removes the file, closes the server, then the store.
 */
export async function startDaemonApi(o: DaemonApiOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const { host, port, corsOrigins } = await daemonHttpSettings({ home: o.home, env: o.env, ...(o.host !== undefined && { host: o.host }), ...(o.port !== undefined && { port: o.port }) });
  if (!isLoopbackHost(host)) o.log.warn('the HTTP API listens beyond this machine: anyone who can reach it and holds a token acts as that token\'s user', { host });
  await prepareOrchestraHome(o.home);
  const store = await openSqliteStore(defaultDbPath(o.home, o.env));
  let hosts: string[] = [];
  const deps: ApiDeps = {
    store,
    clock: systemClock,
    home: o.home,
    env: o.env,
    log: o.log,
    projects: o.projects,
    tasks: o.tasks,
    humanTaskSettings: createHumanTaskSettings({ store, home: o.home, env: o.env, log: o.log, now: () => systemClock.now() }),
    runs: createRunLauncher({ store, home: o.home, env: o.env }),
  };
  // Long waits (approvals) sleep on a watcher of their own, shared by all of them.
  const approvalChanges = watchStoreChanges(defaultDbPath(o.home, o.env));
  const storeWake = createFeedWakeup(approvalChanges);
  deps.storeWake = storeWake;
  // The SSE stream's own watcher: a change reported to one waiter is not reported to another (store-changes.ts).
  const changes = watchStoreChanges(defaultDbPath(o.home, o.env));
  const events = mountEvents({ changes });
  const retention = startFeedRetention({ store, clock: systemClock, log: o.log });
  // The daemon's coding tasks are the local user's: their events go to that tenant's feed, and only its callers attach to their agents.
  const taskScope = authenticateLocal({ env: {} });
  const taskFeed = feedTaskChanges({ tasks: o.taskChanges, store, scope: taskScope, now: () => systemClock.now(), log: o.log });
  const terminal = o.terminals === undefined ? undefined : mountTerminal({ terminals: o.terminals, tenant: taskScope.tenant, log: o.log });
  const app = createHttpApp({
    deps,
    operations,
    authenticate: (token) => authenticateToken(store, token, systemClock.now()),
    authenticateSession: (session) => authenticateSession(store, session, systemClock.now()),
    publicMounts: [mountDashboard({ deps, root: packagePath('dist', 'web') })],
    allowedHosts: () => hosts,
    corsOrigins,
    mounts: [mountTrpc, mountMcp({ operations }), events, ...(terminal ? [terminal.mount] : [])],
  });
  const closeAll = async (): Promise<void> => {
    retention.stop();
    events.close();
    changes.close();
    storeWake.close();
    approvalChanges.close();
    await taskFeed.stop();
    await store.close();
  };
  let server: HttpServer;
  try {
    server = await listen(app, host, port, o.log);
  } catch (error) {
    await closeAll();
    throw error;
  }
  hosts = serverHostNames(host, server.port);
  const { httpFile } = daemonPaths(o.home);
  await writeHttpFile(httpFile, { url: server.url, pid: process.pid });
  return {
    url: server.url,
    async stop() {
      await removeHttpFile(httpFile, process.pid);
      // An open WebSocket is no HTTP connection the server ends itself: its viewers go first.
      terminal?.close();
      await server.close();
      await closeAll();
    },
  };
}

/** A port asked for is the port or an error; the default one, when taken, gives way to any free port. */
async function listen(app: Parameters<typeof startHttpServer>[0]['app'], host: string, port: number | undefined, log: ApiDeps['log']): Promise<HttpServer> {
  if (port !== undefined) return startHttpServer({ app, host, port }).catch((error: NodeJS.ErrnoException) => Promise.reject(error.code === 'EADDRINUSE' ? portTaken(host, port) : error));
  try {
    return await startHttpServer({ app, host, port: defaultHttpPort });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    log.warn(`port ${defaultHttpPort} is taken: the HTTP API takes any free port (its URL is in daemon/http.json and \`orchestra daemon status\`)`, { host });
    return startHttpServer({ app, host, port: 0 });
  }
}

function portTaken(host: string, port: number): OrchestraError {
  return new OrchestraError(ErrorCode.USAGE, `the HTTP API cannot listen on ${host}:${port}: the port is taken`, {
    hint: 'Name another with --port or ORCHESTRA_HTTP_PORT (0 picks any free port), or stop what holds it.',
  });
}
