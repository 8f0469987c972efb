import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../core/errors.js';
import { statusOfCode } from './status-of-code.js';

// Every code, so that a code added later must be placed here on purpose.
const expected: Record<ErrorCode, number> = {
  E_USAGE: 400, E_VARIABLE: 400, E_DURATION: 400, E_RUN_AMBIGUOUS: 400, E_TASK_AMBIGUOUS: 400, E_NOT_A_PROJECT: 400,
  E_FORM_INVALID: 400, E_UNKNOWN_PERSON: 400, E_WORKFLOW_INPUT: 400, E_GUIDED_CONTEXT: 400,
  E_UNAUTHORIZED: 401,
  E_FORBIDDEN: 403, E_NOT_ELIGIBLE: 403,
  E_FILE_NOT_FOUND: 404, E_RUN_NOT_FOUND: 404, E_CHECKPOINT_NOT_FOUND: 404, E_TASK_NOT_FOUND: 404, E_HUMAN_TASK_NOT_FOUND: 404, E_WORKFLOW_NOT_FOUND: 404, E_TOKEN_NOT_FOUND: 404, E_GUIDED_INSTANCE_NOT_FOUND: 404,
  E_RUN_FINISHED: 409, E_RUN_LOCKED: 409, E_TASK_STATE: 409, E_DIRTY_CHECKOUT: 409, E_MERGE_CONFLICT: 409, E_AGENT_NOT_RUNNING: 409,
  E_HUMAN_TASK_STATE: 409, E_WORKFLOW_STATE: 409, E_WORKFLOW_CONFLICT: 409, E_GUIDED_STEP_NOT_CURRENT: 409, E_GUIDED_STATE: 409, E_GUIDED_CONFLICT: 409,
  E_CONFIG: 422, E_FILE_READ: 422, E_DOT_SYNTAX: 422, E_VALIDATION: 422, E_CONDITION_SYNTAX: 422, E_STYLESHEET_SYNTAX: 422,
  E_ATTRIBUTE_TYPE: 422, E_HANDLER_NOT_FOUND: 422, E_TOOL_NOT_FOUND: 422, E_TASK_FILE: 422, E_WORKFLOW_LOAD: 422,
  E_PROVIDER: 502, E_NOTIFY: 502,
  E_INTERRUPTED: 503,
  E_TOOL_TIMEOUT: 500, E_NODE_TIMEOUT: 500, E_STORE: 500, E_STORE_CORRUPT: 500, E_GIT: 500, E_SETUP_FAILED: 500, E_AGENT_CLI_MISSING: 500,
  E_DAEMON: 500, E_WORKFLOW_NONDETERMINISM: 500, E_WORKFLOW_STEP_RESULT: 500, E_WORKFLOW_FAILED: 500, E_WORKFLOW_TASK_UNANSWERED: 500, E_INTERNAL: 500,
};

describe('statusOfCode', () => {
  it.each(Object.values(ErrorCode).map((code) => [code, expected[code]] as const))('issue 12: %s answers %i', (code, status) => {
    expect(statusOfCode(code)).toBe(status);
  });

  it.each([
    ['E_TOKEN_NOT_FOUND', 404],
    ['E_TOKEN_STATE', 409],
    ['E_LEASE_CONFLICT', 409],
    ['E_SOMETHING_NEW', 500],
  ])('issue 12: a code not in the table yet, %s, follows its suffix: %i', (code, status) => {
    expect(statusOfCode(code)).toBe(status);
  });
});
