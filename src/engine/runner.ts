import { resolveEngineOptions, type EngineOptions } from './run/engine-options.js';
import { replayFromCheckpoint, type ReplayOverrides } from './run/replay-run.js';
import { resumeExistingRun, type ResumeOptions } from './run/resume-run.js';
import type { RunHandle, StartRunRequest } from './run/run-handle.js';
import { startNewRun } from './run/start-new-run.js';

/**
 * The engine's API for the ways in (CLI, daemon). Each call validates what it can before it
 * returns (throwing OrchestraError), then drives the run in the background; `result()` resolves
 * when the run stops. The execution model is described in run/execution-model.md.
 */
export type { EngineOptions } from './run/engine-options.js';
export type { RunHandle, RunResult, StartRunRequest } from './run/run-handle.js';
export type { ResumeOptions } from './run/resume-run.js';

/** Starts a new run of a DOT file. Validation errors and a missing file throw before it starts. */
export function startRun(request: StartRunRequest, engine: EngineOptions): Promise<RunHandle> {
  return startNewRun(request, resolveEngineOptions(engine));
}

/** Continues an interrupted or crashed run at its latest checkpoint's next node. */
export function resumeRun(runId: string, engine: EngineOptions, options?: ResumeOptions): Promise<RunHandle> {
  return resumeExistingRun(runId, resolveEngineOptions(engine), options);
}

/** Runs again from checkpoint `checkpointSeq` of `runId` as a new run; the old run is untouched. */
export function replayRun(runId: string, checkpointSeq: number, engine: EngineOptions, overrides?: ReplayOverrides): Promise<RunHandle> {
  return replayFromCheckpoint(runId, checkpointSeq, resolveEngineOptions(engine), overrides);
}
