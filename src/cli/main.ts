import { CommanderError } from 'commander';
import { ErrorCode, ExitCode, OrchestraError } from '../core/index.js';
import type { CliIo } from './cli-io.js';
import type { CommandContext } from './command-context.js';
import { createPalette, shouldUseColor } from './output/color.js';
import { printError } from './output/print-error.js';
import { commandNames, createProgram } from './program.js';

export type { CliIo } from './cli-io.js';

/**
 * The whole CLI as a function: arguments in, exit code out, all I/O through `io`. bin/orchestra.js
 * passes the real process; tests call it in-process with captured streams.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx: CommandContext = {
    io,
    out: createPalette(shouldUseColor(io.stdout, io.env)),
    err: createPalette(shouldUseColor(io.stderr, io.env)),
  };
  let exitCode: number = ExitCode.OK;
  try {
    await createProgram(ctx, (code) => (exitCode = code), commandToRun(argv)).parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return handleCommanderError(error, argv, ctx);
    return printError(error, { stderr: io.stderr, cwd: io.cwd, palette: ctx.err });
  }
}

/** The command argv names, when it names one (`hook` is the agents' hidden one); else every command is declared. */
function commandToRun(argv: readonly string[]): string | undefined {
  const [first] = argv;
  return first !== undefined && ((commandNames as readonly string[]).includes(first) || first === 'hook') ? first : undefined;
}

/** Help and version are successes; every other commander complaint becomes an E_USAGE error. */
function handleCommanderError(error: CommanderError, argv: readonly string[], ctx: CommandContext): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.OK;
  // `orchestra` alone: commander already printed the help to stderr.
  if (error.code === 'commander.help') return ExitCode.USAGE;
  const command = commandNames.find((name) => name === argv[0]);
  // Commander writes "error: unknown option '--x'\n(Did you mean --y?)": the suggestion goes to the hint.
  const [first = '', ...rest] = error.message.replace(/^error: /, '').split('\n');
  const suggestion = rest.join(' ').replace(/^\((.*)\)$/, '$1').trim();
  const usage = new OrchestraError(ErrorCode.USAGE, first, {
    hint: `${suggestion ? `${suggestion} ` : ''}See \`orchestra ${command ? `${command} ` : ''}--help\`.`,
  });
  return printError(usage, { stderr: ctx.io.stderr, cwd: ctx.io.cwd, palette: ctx.err });
}
