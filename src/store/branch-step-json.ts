import { invalidInputError } from './store-errors.js';
import { serializeJson } from './event-input.js';
import type { BranchStep } from './types.js';

/** What a branch step keeps as JSON; checkpoint, branch, step, node and time are columns. */
type StepBody = Pick<BranchStep, 'outcome' | 'retryCount' | 'nodeRetries'>;

/** Checks a branch step and returns the JSON both stores keep for it. */
export function serializeBranchStep(runId: string, step: BranchStep): string {
  const what = `branch step ${step.step} of branch ${step.branch} in run "${runId}"`;
  if (!Number.isInteger(step.step) || step.step < 1 || !Number.isInteger(step.checkpointSeq) || step.checkpointSeq < 0) {
    throw invalidInputError(what, 'needs a step from 1 and a checkpoint seq from 0');
  }
  if (typeof step.nodeId !== 'string' || typeof step.outcome?.status !== 'string') throw invalidInputError(what, 'has no node id or outcome status');
  const body: StepBody = { outcome: step.outcome, retryCount: step.retryCount, nodeRetries: step.nodeRetries };
  return serializeJson(what, body);
}

/** The step from its columns and JSON; absent optional fields stay absent. */
export function parseBranchStep(columns: Pick<BranchStep, 'checkpointSeq' | 'branch' | 'step' | 'nodeId' | 'at'>, json: string): BranchStep {
  const body = JSON.parse(json) as StepBody;
  const { checkpointSeq, branch, step, nodeId, at } = columns;
  return {
    checkpointSeq,
    branch,
    step,
    nodeId,
    at,
    outcome: body.outcome,
    ...(body.retryCount === undefined ? {} : { retryCount: body.retryCount }),
    ...(body.nodeRetries === undefined ? {} : { nodeRetries: body.nodeRetries }),
  };
}
