import { Option, type Command } from 'commander';
import { apiGroup } from './api-program.js';
import type { CommandContext } from './command-context.js';

type SetExitCode = (code: number) => void;

const group = apiGroup;
const tenantHelp = 'the tenant (default: $ORCHESTRA_TENANT, else "default")';

/** Declared here, under one heading of `orchestra --help`. */
export const tokenCommandNames = ['token'] as const;

/** Bearer tokens of the HTTP API and MCP (issue 12), on the user's store; the module loads only when one runs. */
export function registerTokenCommands(program: Command, ctx: CommandContext, setExitCode: SetExitCode): void {
  const load = () => import('./token-commands/index.js');
  const token = program.command('token').helpGroup(group).description('bearer tokens for the HTTP API and MCP: create (shown once), list, revoke');
  token
    .command('create')
    .description('make a token; it is printed once (Orchestra keeps only its hash)')
    .requiredOption('--name <name>', 'unique among the live tokens: lowercase letters, digits, . _ -')
    .option('--user <user>', 'the user it acts as (default: $ORCHESTRA_USER, else git user.email)')
    .addOption(new Option('--scope <access>', 'read: read-only; write: also start and change things; admin: also manage tokens').choices(['read', 'write', 'admin']).default('write'))
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print { token, id, name, user, tenant, access } as JSON')
    .action(async (options) => setExitCode(await (await load()).tokenCreateCommand(ctx, options)));
  token
    .command('list')
    .description("the tenant's tokens, newest first (never the tokens themselves)")
    .option('--all', 'revoked tokens too')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print { tenant, tokens } as JSON')
    .action(async (options) => setExitCode(await (await load()).tokenListCommand(ctx, options)));
  token
    .command('revoke')
    .description('revoke a token: it authenticates nothing from now on')
    .argument('<token>', 'its id or name, as `token list` shows them')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print { record, revoked } as JSON')
    .action(async (ref: string, options) => setExitCode(await (await load()).tokenRevokeCommand(ctx, ref, options)));
}
