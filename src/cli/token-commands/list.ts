import { ExitCode } from '../../core/errors.js';
import { listApiTokens } from '../../services/auth/index.js';
import type { ApiTokenRecord } from '../../store/api-token-types.js';
import type { CommandContext } from '../command-context.js';
import { formatTimestamp } from '../output/format-time.js';
import { formatTable } from '../output/table.js';
import { withTokenStore, type TokenCommandOptions } from './token-context.js';

export interface TokenListOptions extends TokenCommandOptions {
  all?: boolean;
}

/** `orchestra token list`: the tenant's tokens, newest first, never the tokens themselves. */
export async function tokenListCommand(ctx: CommandContext, options: TokenListOptions): Promise<number> {
  const { tenant, tokens } = await withTokenStore(ctx, options, async (store, scope) => ({ tenant: scope.tenant, tokens: await listApiTokens(store, scope, { includeRevoked: options.all === true }) }));
  if (options.json) {
    ctx.io.stdout.write(`${JSON.stringify({ tenant, tokens })}\n`);
  } else if (tokens.length === 0) {
    ctx.io.stdout.write(`No ${options.all ? '' : 'live '}tokens in tenant ${tenant}: \`orchestra token create --name NAME\` makes one.\n`);
  } else {
    const headers = ['ID', 'NAME', 'USER', 'ACCESS', 'CREATED', 'LAST USED', ...(options.all ? ['REVOKED'] : [])];
    ctx.io.stdout.write(`${formatTable(headers, tokens.map((token) => row(token, options.all === true)))}\n`);
  }
  return ExitCode.OK;
}

function row(token: ApiTokenRecord, withRevoked: boolean): string[] {
  const when = (ms: number | undefined) => (ms === undefined ? '-' : formatTimestamp(ms));
  return [token.id, token.name, token.user, token.access, when(token.createdAt), when(token.lastUsedAt), ...(withRevoked ? [when(token.revokedAt)] : [])];
}
