import { dirname } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { driveRun } from './drive-run.js';
import type { ResolvedEngine } from './engine-options.js';
import { newRunId, openRun } from './open-run.js';
import { acquireRunWorkspace } from './run-workspace-open.js';
import { arrivalFromCheckpoint } from './node-step.js';
import { prepareGraph } from './prepare-graph.js';
import { atHeads, hasOwnWorkspace, requireRun } from './resume-run.js';
import type { RunHandle } from './run-handle.js';
import { progressFromCheckpoint, toCheckpoint } from './run-progress.js';
import { childRunStarter } from './start-new-run.js';
import { writeCheckpointFile } from './stage-files.js';

/** What a replay's caller may choose of the new run: its directory, its id (a detached replay prints it first). */
export interface ReplayOverrides {
  logsRoot?: string;
  runId?: string;
  /** Context values that replace the checkpoint's before the new run starts (the dashboard's edited context). */
  context?: Readonly<Record<string, unknown>>;
}

/**
 * Forks a run at checkpoint `seq`: a new run (parentRunId/parentCheckpoint set) whose first
 * checkpoint is a copy of that one, continuing at its next node. The source run is only read.
 */
export async function replayFromCheckpoint(runId: string, seq: number, engine: ResolvedEngine, overrides: ReplayOverrides = {}): Promise<RunHandle> {
  const { store, clock } = engine;
  const record = await requireRun(engine, runId);
  const source = await store.getCheckpoint(runId, seq);
  if (!source) {
    const valid = (await store.listCheckpoints(runId)).map((checkpoint) => checkpoint.seq);
    throw new OrchestraError(ErrorCode.CHECKPOINT_NOT_FOUND, `Run ${runId} has no checkpoint ${seq}.`, {
      hint: valid.length === 0 ? 'The run has no checkpoints yet; start it again with `orchestra run`.' : `Valid checkpoints: ${valid.join(', ')}.`,
    });
  }
  if (source.nextNode === null) {
    throw new OrchestraError(ErrorCode.USAGE, `Checkpoint ${seq} of run ${runId} is the run's last: it has no next node to run.`, {
      hint: 'Replay from an earlier checkpoint (`orchestra runs RUN --detail` lists them).',
    });
  }
  const graph = prepareGraph(record.source, record.file, record.variables, engine.registry, engine.logger);
  const newId = overrides.runId ?? newRunId(engine);
  // A new session branch at the files of checkpoint `seq` (issue 14), before the new run exists.
  const workspaceOpening = engine.workspaces && hasOwnWorkspace(record) ? await acquireRunWorkspace(engine.workspaces, { runId: newId, pipeline: record.pipeline }, { kind: 'create', ...atHeads(source.context) }) : undefined;
  const opened = await openRun(engine, {
    graph,
    source: record.source,
    file: record.file,
    variables: record.variables,
    options: record.options,
    logsRoot: overrides.logsRoot,
    parentRunId: runId,
    parentCheckpoint: seq,
    fromCheckpoint: seq,
    tenant: record.tenant,
    runId: newId,
  });
  const edited = overrides.context === undefined ? source : { ...source, context: { ...source.context, ...overrides.context } };
  const progress = { ...progressFromCheckpoint(edited), checkpointSeq: 0 };
  const first = toCheckpoint(progress, source.currentNode, source.nextNode, clock.now());
  await opened.events.commit(first, { currentNode: source.currentNode, updatedAt: first.timestamp }, [
    { type: 'checkpoint.saved', node: source.currentNode, checkpoint: first.seq },
  ]);
  progress.checkpointSeq = first.seq;
  await writeCheckpointFile(opened.logsRoot, first);

  const result = driveRun({
    engine,
    ...opened,
    graph,
    baseDir: dirname(record.file),
    variables: record.variables,
    progress,
    startAt: source.nextNode,
    arrival: arrivalFromCheckpoint(graph, source.currentNode, source.nextNode),
    degradeFull: true,
    lastIndex: 0,
    ...(workspaceOpening && { workspaceOpening }),
    startChildRun: childRunStarter(engine, opened.runId, record.tenant),
  });
  return { runId: opened.runId, logsRoot: opened.logsRoot, result: () => result };
}
