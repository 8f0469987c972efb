import { ErrorCode, OrchestraError } from '../core/errors.js';

/** How a task branch lands on its base branch. */
export const MergeMode = {
  /** A merge commit (`--no-ff`), so the task's history stays visible. */
  MERGE: 'merge',
  /** One commit with all of the task's changes. */
  SQUASH: 'squash',
  /** The task's commits replayed onto the base, then fast-forwarded. */
  REBASE: 'rebase',
} as const;
export type MergeMode = (typeof MergeMode)[keyof typeof MergeMode];

const MODES: readonly string[] = Object.values(MergeMode);

export function validateMergeMode(mode: unknown): asserts mode is MergeMode {
  if (typeof mode === 'string' && MODES.includes(mode)) return;
  throw new OrchestraError(ErrorCode.USAGE, `Expected the merge mode to be one of ${MODES.join(', ')}, got ${JSON.stringify(mode)}.`);
}
