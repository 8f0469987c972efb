import { ErrorCode, OrchestraError } from '../core/errors.js';

/* The guided-workflow errors every Store reports (issue 13), built once so SQLite and memory agree. */

/** The same for a missing id and for another tenant's instance. */
export function guidedNotFoundError(id: string): OrchestraError {
  return new OrchestraError(ErrorCode.GUIDED_INSTANCE_NOT_FOUND, `guided workflow instance "${id}" does not exist`, {
    hint: 'Use an id that `orchestra guided instances` lists, or start a new instance with start_workflow (`orchestra guided start`).',
  });
}

export function guidedConflictError(id: string, expected: number, found: number): OrchestraError {
  return new OrchestraError(ErrorCode.GUIDED_CONFLICT, `guided workflow instance "${id}" changed while its next step was being decided (version ${found}, expected ${expected})`, {
    hint: 'Another call advanced it first: read it again with get_workflow_status, then report again.',
  });
}

export function guidedExistsError(id: string): OrchestraError {
  return new OrchestraError(ErrorCode.STORE, `guided workflow instance "${id}" already exists`, {
    hint: 'Guided instance ids are unique: start the instance with a fresh id.',
  });
}
