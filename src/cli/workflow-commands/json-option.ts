import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { findJsonSyntaxError } from './json-syntax.js';

/**
 * The JSON value of an option such as `--input '{…}'`, or E_USAGE saying where it stops being JSON:
 * the reason, the line and column, and that line with a caret under the place.
 */
export function parseJsonOption(flag: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const found = findJsonSyntaxError(text) ?? { offset: text.length, reason: error instanceof Error ? error.message : String(error) };
    const { line, column } = lineAndColumn(text, found.offset);
    const lineText = text.split('\n')[line - 1] ?? '';
    throw new OrchestraError(ErrorCode.USAGE, `${flag} is not JSON: ${found.reason} at line ${line}, column ${column}`, {
      detail: `${lineText}\n${' '.repeat(column - 1)}^`,
      hint: /^[A-Za-z_][\w-]*$/.test(text)
        ? `A string is JSON in double quotes, inside the shell's quotes: ${flag} '"${text}"'.`
        : `Quote the JSON for the shell, e.g. ${flag} '{"question":"Where is my order?"}' (property names and strings in double quotes).`,
    });
  }
}

/** 1-based line and column of a 0-based offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
