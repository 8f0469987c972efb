import { userInfo } from 'node:os';
import { ExitCode } from '../../core/errors.js';
import { createLoginCode, loginCodeLifetimeMs } from '../../services/auth/index.js';
import { actingIdentity } from '../acting-identity.js';
import { findProjectRoot } from '../../workspace/project-root.js';
import type { CommandContext } from '../command-context.js';
import { connectDaemon } from '../daemon-connection.js';
import { ensureDaemonHttp } from '../daemon-http.js';
import { withTokenStore } from '../token-commands/token-context.js';
import { openInBrowser } from './browser.js';

export interface OpenOptions {
  print?: boolean;
  tenant?: string;
}

/**
 * `orchestra open [--print]`: the dashboard (issue 15) with a one-time login link, made for the
 * local user in the tenant (like the CLI acts: the local user owns the store, so may log in as
 * themself). It starts the daemon when none runs. The link is opened in the browser, or printed
 * with --print or when no browser opens; it logs in once, within 5 minutes.
 */
export async function openCommand(ctx: CommandContext, options: OpenOptions): Promise<number> {
  const daemon = await ensureDaemonHttp(ctx);
  await serveThisProject(ctx);
  const user = (await actingIdentity(ctx))?.value ?? userInfo().username;
  const { code } = await withTokenStore(ctx, options, (store, scope) => createLoginCode(store, scope, user, 'admin', Date.now()));
  const link = new URL('/login', daemon.url);
  link.searchParams.set('code', code);
  const minutes = loginCodeLifetimeMs / 60_000;
  if (options.print) {
    ctx.io.stdout.write(`${link.href}\n`);
    ctx.io.stderr.write(`This link logs in once, within ${minutes} minutes, as ${user}.\n`);
    return ExitCode.OK;
  }
  if (await openInBrowser(link.href)) {
    ctx.io.stderr.write(`Opened the dashboard (${daemon.url}) in your browser.\n`);
    return ExitCode.OK;
  }
  ctx.io.stderr.write(`No browser could be opened here. Open this link (it logs in once, within ${minutes} minutes):\n`);
  ctx.io.stdout.write(`${link.href}\n`);
  return ExitCode.OK;
}

/**
 * Opened from inside a git project, the daemon serves that project (as any task command there
 * does): the editor, the board and the agents page list the served projects, and a user who has
 * only run pipelines here would otherwise find them empty.
 */
async function serveThisProject(ctx: CommandContext): Promise<void> {
  const project = await findProjectRoot(ctx.io.cwd).catch(() => undefined);
  if (project === undefined) return;
  const client = await connectDaemon(ctx);
  try {
    await client.call('task.list', { project });
  } finally {
    client.close();
  }
}
