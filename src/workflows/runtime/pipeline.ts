import { createHash } from 'node:crypto';
import type { StageStatus } from '../../core/events.js';
import { ErrorCode, isOrchestraError } from '../../core/errors.js';
import { tenantOf } from '../../core/tenant-scope.js';
import type { JsonObject, JsonValue } from '../../store/human-task-types.js';
import type { WorkflowContext } from '../definition.js';
import { Superseded } from './halt.js';
import { journaledCall } from './journaled-call.js';
import { requirePort } from './require-port.js';
import { runOf, type WorkflowRun } from './workflow-run.js';

export interface PipelineOptions {
  /** The journal name; the file when absent. Keep it stable while instances are in flight. */
  name?: string;
  /** Context keys of the finished run to return (`review.verdict`, `outcome`…); none when absent. */
  context?: readonly string[];
}

/** How the child run ended; the same on every replay. */
export interface PipelineResult {
  runId: string;
  state: 'completed' | 'failed';
  status: StageStatus;
  /** The context values asked for with `context` (those the run has). */
  context: JsonObject;
  error?: string;
}

/**
 * Runs a DOT pipeline as a child run (in the workflow's tenant) and returns how it ended, journaled
 * (kind `pipeline`). The run id comes from the instance and the call's position (pipelineRunId), so
 * a replay after a crash finds the run again, resuming it if it was interrupted, and never starts a
 * second one. A failed run is a result (`state: 'failed'`), not an error.
 */
export async function pipeline(ctx: WorkflowContext, file: string, variables: Record<string, string | number | boolean> = {}, options: PipelineOptions = {}): Promise<PipelineResult> {
  const run = runOf(ctx);
  const port = () => requirePort(run, 'pipelines', 'pipeline()');
  const call = async (position: number): Promise<PipelineResult> => {
    const runId = pipelineRunId(run.workflowId, position);
    const vars = Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, String(value)]));
    const ended = await port()
      .run({ runId, workflowId: run.workflowId, tenant: tenantOf(run.deps.scope), file, variables: vars })
      .catch((error: unknown) => Promise.reject(isOrchestraError(error) && error.code === ErrorCode.RUN_LOCKED ? stopped(run, `pipeline run ${runId} is driven by another process`) : error));
    if (ended.state === 'interrupted') throw stopped(run, `pipeline run ${runId} was interrupted; the next replay resumes it`);
    return { runId, state: ended.state, status: ended.status, context: pick(ended.context, options.context ?? []), ...(ended.error !== undefined && { error: ended.error }) };
  };
  return journaledCall(run, { kind: 'pipeline', name: options.name ?? file }, call, undefined, port);
}

/** The child run's id: readable when the instance id is a safe file name, else from its hash (run ids name directories). */
export function pipelineRunId(instanceId: string, position: number): string {
  const safe = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/.test(instanceId) ? instanceId : createHash('sha256').update(instanceId).digest('hex').slice(0, 16);
  return `wf-${safe}-${position}`;
}

/** Nothing is journaled: the instance stays running and is replayed later (by this or another worker). */
function stopped(run: WorkflowRun, reason: string) {
  return run.stop(new Superseded(reason));
}

function pick(context: Record<string, unknown>, keys: readonly string[]): JsonObject {
  const picked: JsonObject = {};
  for (const key of keys) if (context[key] !== undefined) picked[key] = JSON.parse(JSON.stringify(context[key])) as JsonValue;
  return picked;
}
