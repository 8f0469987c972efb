import { join } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';

/**
 * Where a node's files go within the run directory (decision 9: restarts). Parallel branches'
 * nodes have no scope of their own: their files are at `{root}/{nodeId}` like any node's (§5.6).
 */
export interface StageScope {
  /** Loop restart count; from 1, files go under `restart-N/`. */
  restart?: number;
}

/** `{root}/{nodeId}` or `{root}/restart-N/{nodeId}`. */
export function stagePath(root: string, nodeId: string, scope: StageScope = {}): string {
  return join(scopePath(root, scope), validatePathSegment('node id', nodeId));
}

/** The directory a scope's nodes are written under, without the node. */
export function scopePath(root: string, scope: StageScope = {}): string {
  const parts = [root];
  const restart = scope.restart ?? 0;
  if (!Number.isInteger(restart) || restart < 0) {
    throw new OrchestraError(ErrorCode.INTERNAL, `restart count ${String(restart)} is not a whole number from 0`, {
      hint: 'Pass internal.loop_restart_count as it is in the checkpoint.',
    });
  }
  if (restart > 0) parts.push(`restart-${restart}`);
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
