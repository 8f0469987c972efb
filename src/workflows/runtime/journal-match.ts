import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { JournalEntry, JournalKind } from '../../store/workflow-types.js';

/** What a durable call is, for matching it against the journal. */
export interface DurableCall {
  kind: JournalKind;
  name: string;
}

/**
 * Replay's one rule: at `position` the journal either has nothing yet (the call is new: run it), or
 * an entry of the same kind and name (answer from it), or something else: the code changed under
 * the instance, and going on could do the wrong thing, so it is E_WORKFLOW_NONDETERMINISM.
 */
export function matchJournal(entry: JournalEntry | undefined, call: DurableCall, position: number, workflow: string): 'new' | 'replay' {
  if (entry === undefined) return 'new';
  if (entry.kind === call.kind && entry.name === call.name) return 'replay';
  throw nondeterminismError(workflow, position, `calls ${describe(call)} where the journal has ${describe(entry)}`);
}

/** The function returned before replaying the whole journal: a call was removed (or the order changed). */
export function unreplayedError(workflow: string, entry: JournalEntry): OrchestraError {
  return nondeterminismError(workflow, entry.position, `finished, but the journal still has ${describe(entry)}`);
}

function nondeterminismError(workflow: string, position: number, what: string): OrchestraError {
  return new OrchestraError(ErrorCode.WORKFLOW_NONDETERMINISM, `workflow "${workflow}" no longer matches its journal at position ${position}: the code ${what}`, {
    hint: 'A durable call was renamed, reordered or removed while this instance was in flight. Restore the old code for it, or guard the change with patched(ctx, "change-id") (docs/workflow-runtime.md).',
  });
}

function describe(call: DurableCall): string {
  return `${call.kind} "${call.name}"`;
}
