import { packagePath } from '../core/package-root.js';
import { findProjectRoot } from '../workspace/project-root.js';
import { resolveOrchestraHome } from '../store/home.js';
import { daemonPaths } from '../server/daemon/daemon-paths.js';
import { DaemonClient } from '../server/rpc/client.js';
import type { RunDaemonOptions } from '../server/run-daemon.js';
import type { CommandContext } from './command-context.js';

/** The CLI's own entry point: the daemon and agents' hooks run it with `daemon run` / `hook`. */
export const orchestraBin = packagePath('bin', 'orchestra.js');

/**
 * The daemon's process entry, bundled by `npm run build` (scripts/build-bundle.js) from
 * src/server/daemon-entry.ts: the daemon without the CLI around it, whichever of src/, dist/ or the
 * CLI's bundle asks.
 */
const daemonEntry = packagePath('dist', 'bundle', 'daemon-entry.js');

/**
 * V8 flags for the long-lived daemon, which holds little live data (about 20 MB of heap with 20
 * agents) but would otherwise keep up to 48 MB of young generation and old-space garbage resident
 * until a first full GC that a quiet daemon never reaches: a 1 MB semi-space and an 8 MB first
 * old-space limit (a starting point V8 grows from, not a cap) keep its RSS near its live size, at
 * no measurable CPU cost on xterm parsing (bench/tasks.js; `--lite-mode` would save more but
 * parses agent output ~25x slower). Flags, not NODE_OPTIONS, so that agents do not inherit them.
 */
export const daemonNodeFlags = ['--max-semi-space-size=1', '--initial-old-space-size=8', '--v8-pool-size=1'];

export function daemonCommand(): string[] {
  return [process.execPath, ...daemonNodeFlags, daemonEntry];
}

/** What `orchestra daemon run` and `orchestra serve` run the daemon in this process with. */
export function foregroundDaemonOptions(ctx: CommandContext): RunDaemonOptions {
  const quiet = ctx.io.env.ORCHESTRA_QUIET_MS;
  return {
    home: resolveOrchestraHome(ctx.io.env),
    env: ctx.io.env,
    hookCommand: [process.execPath, orchestraBin, 'hook'],
    mcpCommand: [process.execPath, orchestraBin, 'mcp'],
    quietMs: quiet === undefined ? undefined : Number(quiet),
    signals: ctx.io.signals,
  };
}

/** Connects to the user's daemon, starting it when none runs. */
export async function connectDaemon(ctx: CommandContext): Promise<DaemonClient> {
  const home = resolveOrchestraHome(ctx.io.env);
  // Usually it runs: connect at once, and load what starts a daemon only when none answers.
  const running = await DaemonClient.connect(daemonPaths(home).socket, { timeoutMs: 2_000 }).catch(() => undefined);
  if (running !== undefined) return running;
  const { ensureDaemon } = await import('../server/daemon/daemon-lifecycle.js');
  const { client, started } = await ensureDaemon({ home, command: daemonCommand(), env: { ...ctx.io.env } });
  if (started && ctx.io.env.ORCHESTRA_QUIET_DAEMON === undefined) ctx.io.stderr.write(`${ctx.err.dim('started the orchestra daemon')}\n`);
  return client;
}

/** One daemon call for the project around the current directory, closing the connection after. */
export async function withProject<T>(ctx: CommandContext, run: (client: DaemonClient, project: string) => Promise<T>): Promise<T> {
  const project = await findProjectRoot(ctx.io.cwd);
  const client = await connectDaemon(ctx);
  try {
    return await run(client, project);
  } finally {
    client.close();
  }
}
