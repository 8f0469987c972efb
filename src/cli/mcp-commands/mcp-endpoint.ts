import { resolveOrchestraHome } from '../../store/home.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { McpEndpoint } from '../../server/mcp/stdio-bridge.js';
import type { CommandContext } from '../command-context.js';
import { connectDaemon } from '../daemon-connection.js';
import { userInfo } from 'node:os';
import { findProjectRoot } from '../../workspace/project-root.js';
import { ensureLocalToken } from '../../services/auth/index.js';
import { actingIdentity } from '../acting-identity.js';
import { withTokenStore } from '../token-commands/token-context.js';
import { daemonHttpFile, readLiveHttpRecord, type DaemonHttpRecord } from './daemon-http-files.js';

const httpWaitMs = 15_000;

/**
 * The daemon's /mcp and the local token of `tenant`: the running daemon's, or, when none runs,
 * the one `connectDaemon` starts (its HTTP API writes http.json a moment after its socket answers).
 */
export async function findMcpEndpoint(ctx: CommandContext, tenant: string): Promise<McpEndpoint> {
  const home = resolveOrchestraHome(ctx.io.env);
  const record = readLiveHttpRecord(home) ?? (await startDaemon(ctx, home));
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

async function startDaemon(ctx: CommandContext, home: string): Promise<DaemonHttpRecord> {
  (await connectDaemon(ctx)).close();
  const deadline = Date.now() + httpWaitMs;
  for (;;) {
    const record = readLiveHttpRecord(home);
    if (record !== undefined) return record;
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new OrchestraError(ErrorCode.DAEMON, `the daemon runs but has not written its HTTP address (${daemonHttpFile(home)})`, {
    hint: 'Its log says why: $ORCHESTRA_HOME/daemon/daemon.log. `orchestra daemon stop` and a new command restart it.',
  });
}
