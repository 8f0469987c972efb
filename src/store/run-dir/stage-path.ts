import { join } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';

/** Where a node's files go within the run directory (decision 9: restarts; decision 6: branches). */
export interface StageScope {
  /** Loop restart count; from 1, files go under `restart-N/`. */
  restart?: number;
  /**
   * The parallel branches the node runs in, outermost first, as pairs
   * `[parallelNode, branchId, ...]`: `['fan', 'b1']` → `fan/branches/b1/`.
   */
  branch?: readonly string[];
}

/** `{root}/{nodeId}`, `{root}/restart-N/{nodeId}`, or `{root}/{parallel}/branches/{branch}/{nodeId}`. */
export function stagePath(root: string, nodeId: string, scope: StageScope = {}): string {
  return join(scopePath(root, scope), validatePathSegment('node id', nodeId));
}

/** The directory a branch's nodes are written under, without the node. */
export function scopePath(root: string, scope: StageScope = {}): string {
  const parts = [root];
  const restart = scope.restart ?? 0;
  if (!Number.isInteger(restart) || restart < 0) {
    throw new OrchestraError(ErrorCode.INTERNAL, `restart count ${String(restart)} is not a whole number from 0`, {
      hint: 'Pass internal.loop_restart_count as it is in the checkpoint.',
    });
  }
  if (restart > 0) parts.push(`restart-${restart}`);
  const branch = scope.branch ?? [];
  if (branch.length % 2 !== 0) {
    throw new OrchestraError(ErrorCode.INTERNAL, `branch path ${JSON.stringify(branch)} is not a list of [parallel node, branch id] pairs`, {
      hint: "Give one parallel node id and one branch id per nesting level, e.g. ['fan', 'b1'].",
    });
  }
  for (let i = 0; i < branch.length; i += 2) {
    parts.push(validatePathSegment('parallel node id', branch[i] as string), 'branches', validatePathSegment('branch id', branch[i + 1] as string));
  }
  return join(...parts);
}

/** A node, branch or artifact id used as one directory or file name. */
export function validatePathSegment(kind: string, value: string): string {
  const problem = segmentProblem(value);
  if (problem === undefined) return value;
  throw new OrchestraError(ErrorCode.USAGE, `${kind} ${JSON.stringify(value)} cannot name a file in the run directory: ${problem}`, {
    hint: 'Use letters, digits, "_", "-" and "." in ids that become file names.',
  });
}

function segmentProblem(value: string): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'it is empty';
  if (value === '.' || value === '..') return `"${value}" refers to a directory`;
  if (/[/\\\0]/.test(value)) return 'it contains "/", "\\" or a NUL character';
  return undefined;
}
