import { fileURLToPath } from 'node:url';
import { findProjectRoot } from '../workspace/index.js';
import { resolveOrchestraHome } from '../store/home.js';
import { ensureDaemon } from '../server/daemon/index.js';
import type { DaemonClient } from '../server/rpc/index.js';
import type { CommandContext } from './command-context.js';

/** The CLI's own entry point: the daemon and agents' hooks run it with `daemon run` / `hook`. */
export const orchestraBin = fileURLToPath(new URL('../../bin/orchestra.js', import.meta.url));

export function daemonCommand(): string[] {
  return [process.execPath, orchestraBin, 'daemon', 'run'];
}

/** Connects to the user's daemon, starting it when none runs. */
export async function connectDaemon(ctx: CommandContext): Promise<DaemonClient> {
  const home = resolveOrchestraHome(ctx.io.env);
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
