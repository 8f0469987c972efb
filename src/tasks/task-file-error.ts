import { ErrorCode, OrchestraError } from '../core/errors.js';
import { excerptAt, type SourceLocation } from '../core/source-location.js';

/** Where in a task file a problem is, and the file's text for the excerpt under the message. */
export interface TaskFileSource {
  file: string;
  text: string;
}

/** An E_TASK_FILE error at `line:column` of the file, with the offending line as detail. */
export function taskFileError(source: TaskFileSource, at: { line: number; column: number }, message: string, hint: string): OrchestraError {
  const location: SourceLocation = { file: source.file, line: at.line, column: at.column };
  return new OrchestraError(ErrorCode.TASK_FILE, message, { location, detail: excerptAt(source.text, location), hint });
}

/** `"abc" (string)`, `1.5 (number)`, `a list`: how a wrong value is shown in a message. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return `${JSON.stringify(value)} (${typeof value})`;
}
