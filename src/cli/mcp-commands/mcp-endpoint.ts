import { resolveOrchestraHome } from '../../store/home.js';
import type { McpEndpoint } from '../../server/mcp/stdio-bridge.js';
import type { CommandContext } from '../command-context.js';
import { ensureDaemonHttp } from '../daemon-http.js';
import { userInfo } from 'node:os';
import { findProjectRoot } from '../../workspace/project-root.js';
import { ensureLocalToken } from '../../services/auth/index.js';
import { actingIdentity } from '../acting-identity.js';
import { withTokenStore } from '../token-commands/token-context.js';

/**
 * The daemon's /mcp and the local token of `tenant`: the running daemon's, or, when none runs,
 * the one `connectDaemon` starts (its HTTP API writes http.json a moment after its socket answers).
 */
export async function findMcpEndpoint(ctx: CommandContext, tenant: string): Promise<McpEndpoint> {
  const home = resolveOrchestraHome(ctx.io.env);
  const record = await ensureDaemonHttp(ctx);
  const project = await findProjectRoot(ctx.io.cwd).catch(() => undefined);
  return { url: new URL('/mcp', record.url), token: await localToken(ctx, home, tenant), ...(project !== undefined && { project }) };
}

/**
 * The local user's admin token for `tenant` (`<home>/daemon/tokens/<tenant>`, 0600), made on first
 * use: the local user owns the store, so this process may make it; the agent acts as that user.
 */
async function localToken(ctx: CommandContext, home: string, tenant: string): Promise<string> {
  const user = (await actingIdentity(ctx))?.value ?? userInfo().username;
  return withTokenStore(ctx, { tenant }, (store, scope) => ensureLocalToken(store, home, scope, user, Date.now()));
}
