import { ErrorCode, OrchestraError } from '../core/errors.js';

/* The workflow errors every Store reports (issue 11), built once so SQLite and memory agree. */

/** The same for a missing id and for another tenant's instance. */
export function workflowNotFoundError(id: string): OrchestraError {
  return new OrchestraError(ErrorCode.WORKFLOW_NOT_FOUND, `workflow instance "${id}" does not exist`, {
    hint: 'List instances with `orchestra workflow list` and use one of their ids.',
  });
}

export function workflowStateError(id: string, status: string, request: string): OrchestraError {
  return new OrchestraError(ErrorCode.WORKFLOW_STATE, `cannot ${request} workflow instance "${id}": it is ${status}`, {
    hint: 'See the instance with `orchestra workflow show ID`; a finished instance takes no more signals or changes.',
  });
}

export function journalConflictError(id: string, position: number): OrchestraError {
  return new OrchestraError(ErrorCode.WORKFLOW_CONFLICT, `position ${position} of workflow instance "${id}" is already journaled`, {
    hint: 'Another process drove this instance at the same time and journaled this call first; this process must stop driving it.',
  });
}
