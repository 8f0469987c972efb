import type { ErrorCode } from '../../core/errors.js';

/*
 * The HTTP status of each error code (issue 12). Codes named by a rule (`*_NOT_FOUND` → 404,
 * `*_STATE` and `*_CONFLICT` → 409) follow it, so a code added later lands somewhere sensible; the
 * table holds the exceptions and the codes no rule names. Anything else is the server's problem: 500.
 *
 * 400 is a bad request as such (its fields, an ambiguous or unknown reference); 422 is a request
 * well formed whose content does not compile (a DOT file, orchestra.yaml, a workflow file, a task file).
 */
const byCode: Partial<Record<ErrorCode, number>> = {
  E_USAGE: 400,
  E_VARIABLE: 400,
  E_DURATION: 400,
  E_RUN_AMBIGUOUS: 400,
  E_TASK_AMBIGUOUS: 400,
  E_NOT_A_PROJECT: 400,
  E_FORM_INVALID: 400,
  E_UNKNOWN_PERSON: 400,
  E_WORKFLOW_INPUT: 400,
  E_GUIDED_CONTEXT: 400,
  E_GUIDED_STEP_NOT_CURRENT: 409,
  E_UNAUTHORIZED: 401,
  E_FORBIDDEN: 403,
  E_NOT_ELIGIBLE: 403,
  // A node naming a handler or tool that does not exist is a pipeline that does not compile, not a missing resource.
  E_HANDLER_NOT_FOUND: 422,
  E_TOOL_NOT_FOUND: 422,
  E_CONFIG: 422,
  E_FILE_READ: 422,
  E_DOT_SYNTAX: 422,
  E_VALIDATION: 422,
  E_CONDITION_SYNTAX: 422,
  E_STYLESHEET_SYNTAX: 422,
  E_ATTRIBUTE_TYPE: 422,
  E_TASK_FILE: 422,
  E_WORKFLOW_LOAD: 422,
  E_GUIDED_DEFINITION: 422,
  E_RUN_FINISHED: 409,
  E_RUN_LOCKED: 409,
  E_DIRTY_CHECKOUT: 409,
  E_AGENT_NOT_RUNNING: 409,
  // Upstream services (a model provider, a notification channel) failed, not us.
  E_PROVIDER: 502,
  E_NOTIFY: 502,
  // The daemon is stopping: the request may be retried against the next one.
  E_INTERRUPTED: 503,
};

const bySuffix: ReadonlyArray<readonly [string, number]> = [
  ['_NOT_FOUND', 404],
  ['_STATE', 409],
  ['_CONFLICT', 409],
];

/** The HTTP status a problem with `code` answers with. */
export function statusOfCode(code: string): number {
  const listed = byCode[code as ErrorCode];
  if (listed !== undefined) return listed;
  return bySuffix.find(([suffix]) => code.endsWith(suffix))?.[1] ?? 500;
}
