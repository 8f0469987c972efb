import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';

type SetExitCode = (code: number) => void;

/** The heading of `orchestra --help` for the ways programs and agents drive Orchestra (issue 12). */
export const apiGroup = 'Programs and agents (HTTP API, MCP):';

/** Declared here, under one heading of `orchestra --help`. */
export const apiCommandNames = ['mcp', 'open'] as const;

export function registerApiCommands(program: Command, ctx: CommandContext, setExitCode: SetExitCode, wanted: (name: string) => boolean): void {
  if (wanted('mcp')) {
    program
      .command('mcp')
      .helpGroup(apiGroup)
      .description("Orchestra's MCP server over stdio, for an agent's MCP config (relays to the daemon, starting it; see docs/mcp.md)")
      .option('--tenant <name>', 'the tenant the agent acts in (default: $ORCHESTRA_TENANT, else "default")')
      .action(async (options) => setExitCode(await (await import('./mcp-commands/mcp-command.js')).mcpCommand(ctx, options)));
  }
  if (wanted('open')) {
    program
      .command('open')
      .helpGroup(apiGroup)
      .description('open the web dashboard in your browser with a one-time login link (starts the daemon; see docs/dashboard.md)')
      .option('--print', 'print the login link instead of opening it (it logs in once, within 5 minutes)')
      .option('--tenant <name>', 'the tenant to log in to (default: $ORCHESTRA_TENANT, else "default")')
      .action(async (options) => setExitCode(await (await import('./open-command/open.js')).openCommand(ctx, options)));
  }
}
