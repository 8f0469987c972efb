import { ErrorCode, OrchestraError } from '../../core/errors.js';

/** A malformed escalation chain, naming the field (`escalation[1].reassign`) and what it expects. */
export function escalationError(field: string, problem: string): OrchestraError {
  return new OrchestraError(ErrorCode.USAGE, `${field} ${problem}`, {
    hint: 'Each escalation step has `after:` (a duration from the task\'s creation) and at least one of notify, remind, reassign, priority; the last may also give answer, expire or cancel. See docs/human-tasks.md.',
  });
}
