import { userInfo } from 'node:os';
import { ExitCode } from '../../core/errors.js';
import { createLoginCode, loginCodeLifetimeMs } from '../../services/auth/index.js';
import { actingIdentity } from '../acting-identity.js';
import type { CommandContext } from '../command-context.js';
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
