import { ExitCode, exitCodeFor, formatLocation, isOrchestraError } from '../../core/index.js';
import type { OrchestraError } from '../../core/index.js';
import type { CliOutput } from '../cli-io.js';
import type { Palette } from './color.js';
import { displayPath } from './display-path.js';
import { escapeTerminalLines, escapeTerminalText } from '../../core/terminal-text.js';

export interface ErrorOutput {
  stderr: CliOutput;
  cwd: string;
  palette: Palette;
}

/**
 * The one way every command reports an error. Expected errors (the user can fix them) print their
 * code, message, location, excerpt and hint, never a stack; anything else is a bug and says so.
 * Returns the process exit code.
 */
export function printError(error: unknown, out: ErrorOutput): number {
  if (isOrchestraError(error)) {
    out.stderr.write(formatExpectedError(error, out.cwd, out.palette));
    // An error that crossed a process boundary keeps its shape but loses the getter.
    return error.exitCode ?? exitCodeFor(error.code) ?? ExitCode.INTERNAL;
  }
  out.stderr.write(formatUnexpectedError(error, out.palette));
  return ExitCode.INTERNAL;
}

/** Messages, details and hints quote names and text from files and models: escaped, line by line. */
export function formatExpectedError(error: OrchestraError, cwd: string, palette: Palette): string {
  const lines = [`${palette.red(palette.bold(`error[${escapeTerminalText(error.code)}]`))}: ${escapeTerminalText(error.message)}`];
  if (error.location) {
    lines.push(`  --> ${escapeTerminalText(formatLocation({ ...error.location, file: displayPath(cwd, error.location.file) }))}`);
  }
  if (error.detail) lines.push(...error.detail.split('\n').map((line) => `  ${escapeTerminalText(line)}`));
  if (error.hint) lines.push(`  ${palette.cyan('hint')}: ${escapeTerminalText(error.hint)}`);
  return `${lines.join('\n')}\n`;
}

export function formatUnexpectedError(error: unknown, palette: Palette): string {
  const lines = [palette.red(palette.bold('Unhandled error')) + ' (a bug in Orchestra: please report it with this output)'];
  lines.push(escapeTerminalLines(describeThrown(error)));
  let cause = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < 5; depth++) {
    lines.push(`Caused by: ${escapeTerminalLines(describeThrown(cause))}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return `${lines.join('\n')}\n`;
}

function describeThrown(value: unknown): string {
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  try {
    return `Thrown value: ${JSON.stringify(value)}`;
  } catch {
    return `Thrown value: ${String(value)}`;
  }
}
