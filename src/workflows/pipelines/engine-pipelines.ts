import { resolve } from 'node:path';
import type { RunRecord } from '../../store/types.js';
import { resumeRun, startRun, type EngineOptions, type RunResult } from '../../engine/runner.js';
import type { WorkflowPipelineOutcome, WorkflowPipelines } from '../runtime/ports.js';

export interface EnginePipelinesOptions {
  /** Relative pipeline files resolve against it (the project directory); the cwd when absent. */
  baseDir?: string;
  /** Run options stored with each run (simulate, auto-approve…), as `orchestra run` stores them. */
  runOptions?: Record<string, unknown>;
}

/**
 * The `pipelines` port over the engine (startRun / resumeRun). The run id comes from the workflow
 * (pipelineRunId), so this finds a run a crashed worker started: finished, it reports how it ended;
 * unfinished, it resumes it from its last checkpoint; absent, it starts it, in the workflow's tenant.
 */
export function enginePipelines(engine: EngineOptions, options: EnginePipelinesOptions = {}): WorkflowPipelines {
  return {
    async run(request) {
      const existing = await engine.store.getRun(request.runId);
      if (existing && isFinished(existing)) return ended(engine, existing.id, finishedResult(existing));
      const reachedEnd = existing && (await reachedEndOf(engine, existing.id));
      if (reachedEnd) return ended(engine, request.runId, reachedEnd);
      const handle = existing
        ? await resumeRun(request.runId, engine)
        : await startRun({ file: resolve(options.baseDir ?? process.cwd(), request.file), variables: request.variables, runId: request.runId, tenant: request.tenant, options: options.runOptions ?? {} }, engine);
      return ended(engine, handle.runId, await handle.result());
    },
  };
}

function isFinished(run: RunRecord): boolean {
  return run.state === 'completed' || run.state === 'failed';
}

/** A crash after the last checkpoint and before the run was marked finished: nothing is left to run; its last node's outcome is the run's. */
async function reachedEndOf(engine: EngineOptions, runId: string): Promise<Pick<RunResult, 'state' | 'outcome'> | undefined> {
  const checkpoint = await engine.store.latestCheckpoint(runId);
  if (checkpoint?.nextNode !== null || checkpoint === undefined) return undefined;
  const outcome = checkpoint.nodeOutcomes[checkpoint.currentNode]?.status ?? 'success';
  return { state: outcome === 'fail' ? 'failed' : 'completed', outcome };
}

function finishedResult(run: RunRecord): Pick<RunResult, 'state' | 'outcome' | 'error'> {
  return { state: run.state === 'completed' ? 'completed' : 'failed', ...(run.outcome !== undefined && { outcome: run.outcome }), ...(run.error !== undefined && { error: { message: run.error } }) };
}

async function ended(engine: EngineOptions, runId: string, result: Pick<RunResult, 'state' | 'outcome' | 'error'>): Promise<WorkflowPipelineOutcome> {
  if (result.state === 'interrupted') return { runId, state: 'interrupted' };
  const context = (await engine.store.latestCheckpoint(runId))?.context ?? {};
  return {
    runId,
    state: result.state,
    status: result.outcome ?? (result.state === 'completed' ? 'success' : 'fail'),
    context,
    ...(result.error && { error: result.error.message }),
  };
}
