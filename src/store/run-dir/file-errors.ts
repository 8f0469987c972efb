import type { z } from 'zod';
import { ErrorCode, OrchestraError } from '../../core/errors.js';

/** A run-directory file that exists but cannot be used, named with what is wrong. */
export function badFileError(file: string, problem: string, hint: string): OrchestraError {
  return new OrchestraError(ErrorCode.FILE_READ, `${file} ${problem}`, { hint });
}

/** The first zod issue as "has an invalid "a.b" value: ...". */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? `"${issue.path.join('.')}" ` : '';
  return `has an invalid ${where}value: ${issue?.message ?? 'unknown problem'}`;
}

/** JSON.parse that names the file when the text is not JSON. */
export function parseJsonFile(text: string, file: string, hint: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badFileError(file, `is not valid JSON (${(error as Error).message})`, hint);
  }
}
