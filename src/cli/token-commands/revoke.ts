import { ExitCode } from '../../core/errors.js';
import { revokeApiToken } from '../../services/auth/index.js';
import type { CommandContext } from '../command-context.js';
import { formatTimestamp } from '../output/format-time.js';
import { withTokenStore, type TokenCommandOptions } from './token-context.js';

/** `orchestra token revoke ID|NAME`: idempotent; an unknown one is E_TOKEN_NOT_FOUND (exit 3). */
export async function tokenRevokeCommand(ctx: CommandContext, ref: string, options: TokenCommandOptions): Promise<number> {
  const { record, revoked } = await withTokenStore(ctx, options, (store, scope) => revokeApiToken(store, scope, ref, Date.now()));
  if (options.json) ctx.io.stdout.write(`${JSON.stringify({ record, revoked })}\n`);
  else if (revoked) ctx.io.stdout.write(`Revoked token ${record.name} (${record.id}): it authenticates nothing from now on.\n`);
  else ctx.io.stdout.write(`Token ${record.name} (${record.id}) was revoked already, at ${formatTimestamp(record.revokedAt ?? 0)}.\n`);
  return ExitCode.OK;
}
