import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { ValueLocator } from './stylesheet.js';

/** 1-based line and column of `offset` inside `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text[i] === '\n') {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * E_STYLESHEET_SYNTAX with the position inside the stylesheet in the message and, when the caller
 * can map it, the DOT file position as the error's location.
 */
export function stylesheetError(
  text: string,
  offset: number,
  problem: string,
  hint: string,
  locate: ValueLocator | undefined,
): OrchestraError {
  const { line, column } = lineColumnAt(text, offset);
  const sourceLine = text.split('\n')[line - 1] ?? '';
  return new OrchestraError(ErrorCode.STYLESHEET_SYNTAX, `Model stylesheet, line ${line}, column ${column}: ${problem}`, {
    hint,
    location: locate?.(offset),
    detail: `  ${sourceLine}\n  ${' '.repeat(column - 1)}^`,
  });
}
