import { ErrorCode, OrchestraError } from '../core/errors.js';

/*
 * The errors every Store implementation reports, built in one place so that SQLite, memory and
 * (later) PostgreSQL give the same code and the same message; the conformance suite asserts them.
 */

export function runNotFoundError(runId: string): OrchestraError {
  return new OrchestraError(ErrorCode.RUN_NOT_FOUND, `run "${runId}" does not exist in the store`, {
    hint: 'List runs with `orchestra runs` and use one of their ids.',
  });
}

export function runExistsError(runId: string): OrchestraError {
  return new OrchestraError(ErrorCode.STORE, `run "${runId}" already exists in the store`, {
    hint: 'Run ids are unique: create the run with a fresh id (createRunId()).',
  });
}

export function checkpointExistsError(runId: string, seq: number): OrchestraError {
  return new OrchestraError(ErrorCode.STORE, `checkpoint ${seq} of run "${runId}" already exists`, {
    hint: 'Checkpoint numbers only grow: commit the next one as latestCheckpoint().seq + 1.',
  });
}

export function nodeRecordExistsError(runId: string, index: number): OrchestraError {
  return new OrchestraError(ErrorCode.STORE, `node record #${index} of run "${runId}" already exists`, {
    hint: 'Each node execution needs its own index within the run.',
  });
}

export function nodeRecordNotFoundError(runId: string, index: number): OrchestraError {
  return new OrchestraError(ErrorCode.STORE, `node record #${index} of run "${runId}" does not exist`, {
    hint: 'Call recordNodeStart before recordNodeEnd, with the same index.',
  });
}

export function storeClosedError(): OrchestraError {
  return new OrchestraError(ErrorCode.STORE, 'the store is closed', {
    hint: 'Open a new store; a closed one cannot be used again.',
  });
}

export function invalidInputError(what: string, problem: string): OrchestraError {
  return new OrchestraError(ErrorCode.STORE, `${what} ${problem}`, {
    hint: 'This is a bug in the caller of the store: nothing was written.',
  });
}

/** The same for a missing id and for another tenant's task: a tenant cannot learn what others have. */
export function humanTaskNotFoundError(id: string): OrchestraError {
  return new OrchestraError(ErrorCode.HUMAN_TASK_NOT_FOUND, `human task "${id}" does not exist`, {
    hint: 'List the tasks waiting for you with `orchestra inbox` (add --all for every task of the tenant).',
  });
}

export function humanTaskExistsError(id: string): OrchestraError {
  return new OrchestraError(ErrorCode.STORE, `human task "${id}" already exists`, {
    hint: 'Human task ids are unique: create the task with a fresh id (createHumanTaskId()).',
  });
}

export function badCursorError(cursor: string): OrchestraError {
  return new OrchestraError(ErrorCode.USAGE, `the page cursor ${JSON.stringify(cursor)} is not one this store gave out`, {
    hint: 'Pass the nextCursor of the previous page unchanged, or no cursor for the first page.',
  });
}
