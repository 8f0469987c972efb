import { readFileSync } from 'node:fs';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { SourceLocation } from '../../core/source-location.js';

/**
 * Where a workflow file failed to load, read from the error jiti threw. Its parser reports
 * "ParseError: Unexpected token  \n /abs/file.ts:4:12" (the position on a line of its own); an error
 * thrown while the file runs carries the position in its stack ("at /abs/file.ts:3:7"). Either way
 * the first position inside one of `files` wins: that is the user's line, not jiti's.
 */
export function loadErrorLocation(error: unknown, files: readonly string[], readSource: (file: string) => string | undefined = () => undefined): SourceLocation | undefined {
  const missing = /Cannot find module '([^']+)'/.exec(error instanceof Error ? error.message : String(error))?.[1];
  // jiti's stack gives a column in its transformed code for this one: the import's own line is better.
  const imported = missing === undefined ? undefined : quotedLocation(files, missing, readSource);
  if (imported !== undefined) return imported;
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  let best: { index: number; location: SourceLocation } | undefined;
  for (const file of files) {
    const match = new RegExp(`${escapeRegExp(file)}:(\\d+):(\\d+)`).exec(text);
    if (match && (best === undefined || match.index < best.index)) {
      best = { index: match.index, location: { file, line: Number(match[1]), column: Number(match[2]) } };
    }
  }
  return best?.location;
}

/** Where `text` is written, quoted, in the first of `files` that has it (an import's specifier, a workflow's name). */
export function quotedLocation(files: readonly string[], text: string, readSource: (file: string) => string | undefined = readSourceOrUndefined): SourceLocation | undefined {
  for (const file of files) {
    const lines = (readSource(file) ?? '').split('\n');
    for (const [index, line] of lines.entries()) {
      const column = Math.max(line.indexOf(`'${text}'`), line.indexOf(`"${text}"`), line.indexOf(`\`${text}\``));
      if (column >= 0) return { file, line: index + 1, column: column + 1 };
    }
  }
  return undefined;
}

/** The first line of the message, without jiti's "ParseError:" prefix and trailing position. */
export function loadErrorSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n').find((line) => line.trim() !== '') ?? 'unknown error';
  return first.replace(/^(?:Error: )?ParseError: /, 'syntax error: ').trim();
}

/** E_WORKFLOW_LOAD for a file that did not compile or threw while loading; the other files still load. */
export function workflowLoadError(file: string, error: unknown, files: readonly string[], display: (path: string) => string): OrchestraError {
  const location = loadErrorLocation(error, files, readSourceOrUndefined);
  const where = location ? `${display(location.file)}:${location.line}:${location.column}` : display(file);
  return new OrchestraError(ErrorCode.WORKFLOW_LOAD, `workflow file ${display(file)} did not load: ${where}: ${loadErrorSummary(error)}`, {
    hint: 'Fix the file and try again; `npx tsc -p .` in the project checks its types too (the loader only strips them).',
    ...(location ? { location } : {}),
    cause: error,
  });
}

function readSourceOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
