import { ErrorCode, ExitCode, OrchestraError } from '../../core/errors.js';
import type { Access } from '../../services/api/index.js';
import { createApiToken } from '../../services/auth/index.js';
import { actingIdentity } from '../acting-identity.js';
import type { CommandContext } from '../command-context.js';
import { withTokenStore, type TokenCommandOptions } from './token-context.js';

export interface TokenCreateOptions extends TokenCommandOptions {
  name: string;
  user?: string;
  /** commander's `.choices()` has checked it. */
  scope?: Access;
}

/**
 * `orchestra token create --name NAME`: the token alone on stdout (so `$(orchestra token create …)`
 * captures it), what it is on stderr; `--json` prints { token, id, name, user, tenant, access }.
 */
export async function tokenCreateCommand(ctx: CommandContext, options: TokenCreateOptions): Promise<number> {
  const user = options.user ?? (await actingIdentity(ctx))?.value;
  if (user === undefined) {
    throw new OrchestraError(ErrorCode.USAGE, '--user: cannot tell who the token acts as: ORCHESTRA_USER is not set and git has no user.email', {
      hint: 'Pass --user ID (a user id of people: in orchestra.yaml, or an e-mail).',
    });
  }
  const { token, record } = await withTokenStore(ctx, options, (store, scope) => createApiToken(store, scope, { name: options.name, user, access: options.scope ?? 'write' }, Date.now()));
  if (options.json) {
    ctx.io.stdout.write(`${JSON.stringify({ token, id: record.id, name: record.name, user: record.user, tenant: record.tenant, access: record.access })}\n`);
    return ExitCode.OK;
  }
  ctx.io.stderr.write(`Created token ${record.name} (${record.id}): ${record.access} access as ${record.user} in tenant ${record.tenant}.\n`);
  ctx.io.stdout.write(`${token}\n`);
  ctx.io.stderr.write('It is shown only this once (Orchestra keeps only its hash): store it now. `orchestra token revoke NAME` ends it.\n');
  return ExitCode.OK;
}
