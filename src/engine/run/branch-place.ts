import type { BranchStep } from '../../store/types.js';

// Types of run-scope.ts's fields, apart from branch-steps.ts so that run-scope.ts need not import
// it (branch-steps imports node-step, which imports run-scope): no import cycles.

/**
 * Where a parallel branch commits its finished nodes (issue 8.10): under the top-level checkpoint
 * its parallel node started after, with a key naming the branch. `done` counts the branch's
 * finished steps; `recorded` holds those a crashed process committed, which resume replays.
 */
export interface BranchPlace {
  checkpointSeq: number;
  key: string;
  done: number;
  recorded: readonly BranchStep[];
}

/** The steps a resumed run found committed under its checkpoint, by branch key. */
export interface RecordedSteps {
  checkpointSeq: number;
  byBranch: ReadonlyMap<string, readonly BranchStep[]>;
}
