import { ErrorCode, OrchestraError, type FieldIssue } from '../../core/errors.js';

/** A problem at `path` inside a form definition or an answer (`['sentiment', 'options']`), for file positions. */
export interface FormIssue extends FieldIssue {
  path: (string | number)[];
}

export function issue(path: (string | number)[], message: string): FormIssue {
  return { field: String(path[0] ?? ''), path, message };
}

/** E_FORM_INVALID listing every issue, one per line; `what` names the form or the answer. */
export function formInvalidError(what: string, issues: readonly FormIssue[], hint: string): OrchestraError {
  const lines = issues.map((found) => `  ${found.path.join('.') || '(answer)'}: ${found.message}`);
  return new OrchestraError(ErrorCode.FORM_INVALID, `${what} is invalid:\n${lines.join('\n')}`, {
    hint,
    fields: issues.map(({ field, message }) => ({ field, message })),
  });
}
