import type { Outcome } from '../../core/outcome.js';
import type { GraphNode } from '../../pipeline/graph/model.js';
import type { BranchStep } from '../../store/types.js';
import type { BranchRequest } from '../handler.js';
import { ContextKeys } from './initial-context.js';
import { resolveHandlerType } from './node-step.js';
import { recordNodeOutcome } from './run-progress.js';
import type { Frame, RunScope } from './run-scope.js';
import { mirrorStatusFile } from './stage-files.js';
import type { BranchPlace, RecordedSteps } from './branch-place.js';

export type { BranchPlace, RecordedSteps } from './branch-place.js';

export function groupRecordedSteps(checkpointSeq: number, steps: readonly BranchStep[]): RecordedSteps {
  const byBranch = new Map<string, BranchStep[]>();
  for (const step of steps) byBranch.set(step.branch, [...(byBranch.get(step.branch) ?? []), step]);
  return { checkpointSeq, byBranch };
}

/**
 * A branch's place. The key names the parallel node, the branch's position and start and the
 * parallel node's attempt (a retried parallel node runs its branches anew); a nested branch's key
 * extends its parent branch's with the step the parent is at. Only steps under the checkpoint the
 * run resumed from are replayed: later top-level nodes never find any.
 */
export function placeBranch(recorded: RecordedSteps | undefined, parent: Frame, request: BranchRequest): BranchPlace {
  const outer = parent.place;
  const checkpointSeq = outer ? outer.checkpointSeq : parent.progress.checkpointSeq;
  const segment = [outer ? outer.done + 1 : 0, request.parentNode, request.index, request.startNodeId, request.attempt ?? 1];
  const key = `${outer?.key ?? ''}${JSON.stringify(segment)}`;
  const steps = recorded?.checkpointSeq === checkpointSeq ? (recorded.byBranch.get(key) ?? []) : [];
  return { checkpointSeq, key, done: 0, recorded: steps };
}

/** The committed step for the node the branch is about to run, when a crashed process finished it. */
export function recordedStep(place: BranchPlace, nodeId: string): BranchStep | undefined {
  const step = place.recorded[place.done];
  return step && step.step === place.done + 1 && step.nodeId === nodeId ? step : undefined;
}

/**
 * Replays a committed step instead of running the node: the branch's progress and context change
 * exactly as running it did (every handler reports its context changes in its outcome), so the
 * branch routes on and reports the same results to the fan-in. Returns the node's handler type.
 */
export function replayStep(scope: RunScope, frame: Frame, node: GraphNode, step: BranchStep): string {
  const { progress } = frame;
  progress.context.set(ContextKeys.currentNode, node.id);
  if (step.retryCount !== undefined) progress.context.set(ContextKeys.retryCount(node.id), step.retryCount);
  if (step.nodeRetries === undefined) delete progress.nodeRetries[node.id];
  else progress.nodeRetries[node.id] = step.nodeRetries;
  mirrorStatusFile(scope.files, frame.stageDir(node.id), step.outcome);
  recordNodeOutcome(progress, node.id, step.outcome);
  return resolveHandlerType(scope, node);
}

/** The record of a step the branch just finished, to commit before it goes on. */
export function toBranchStep(place: BranchPlace, frame: Frame, nodeId: string, outcome: Outcome, at: number): BranchStep {
  const retryCount = frame.progress.context.get(ContextKeys.retryCount(nodeId));
  const nodeRetries = frame.progress.nodeRetries[nodeId];
  return {
    checkpointSeq: place.checkpointSeq,
    branch: place.key,
    step: place.done + 1,
    nodeId,
    outcome,
    ...(typeof retryCount === 'number' ? { retryCount } : {}),
    ...(nodeRetries === undefined ? {} : { nodeRetries }),
    at,
  };
}
