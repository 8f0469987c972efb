import { ErrorCode, OrchestraError, type FieldIssue } from '../../core/errors.js';
import type { SourceLocation } from '../../core/source-location.js';

/** A problem at `path` inside a form definition or an answer (`['sentiment', 'options']`), for file positions. */
export interface FormIssue extends FieldIssue {
  path: (string | number)[];
}

export function issue(path: (string | number)[], message: string): FormIssue {
  return { field: String(path[0] ?? ''), path, message };
}

/** `decision: expected one of …`, the path dotted. */
export function formatIssue(found: FormIssue): string {
  return `${found.path.join('.') || '(whole)'}: ${found.message}`;
}

/**
 * E_FORM_INVALID: one problem in the message; several counted there and listed one per line in
 * the detail. `fields` carries them all for programs. `what` names the form or the answer.
 */
export function formInvalidError(what: string, issues: readonly FormIssue[], hint: string, options: { location?: SourceLocation; excerpt?: string } = {}): OrchestraError {
  const [first] = issues;
  const message = issues.length === 1 && first ? `${what} is invalid: ${formatIssue(first)}` : `${what} has ${issues.length} problems`;
  const list = issues.length === 1 ? [] : issues.map((found) => `- ${formatIssue(found)}`);
  const detail = [...list, ...(options.excerpt === undefined ? [] : [options.excerpt])].join('\n');
  return new OrchestraError(ErrorCode.FORM_INVALID, message, {
    hint,
    ...(detail !== '' && { detail }),
    ...(options.location && { location: options.location }),
    fields: issues.map(({ field, message: text }) => ({ field, message: text })),
  });
}
