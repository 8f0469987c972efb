import { dirname } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { findStartNodes } from '../../pipeline/graph/node-kind.js';
import type { RunRecord } from '../../store/types.js';
import { groupRecordedSteps } from './branch-steps.js';
import { driveRun } from './drive-run.js';
import type { ResolvedEngine } from './engine-options.js';
import { EventLog } from './event-log.js';
import { exportRunFiles } from './export-run.js';
import { createInitialContext } from './initial-context.js';
import { claimRunLease } from './lease-claim.js';
import { arrivalFromCheckpoint } from './node-step.js';
import { prepareGraph } from './prepare-graph.js';
import type { RunHandle } from './run-handle.js';
import { createProgress, progressFromCheckpoint } from './run-progress.js';
import { childRunStarter } from './start-new-run.js';
import type { RepoHeads } from '../../workspace/run-workspace/types.js';
import { workspaceHeadsOf } from './workspace-heads.js';
import { headsOfTurn } from './resume-turn.js';
import { acquireRunWorkspace } from './run-workspace-open.js';
import { readTurnRecords } from '../../agents/agent-loop/resumed-turns.js';
import { stagePath } from '../../store/run-dir/stage-path.js';

export interface ResumeOptions {
  /**
   * Issue 14: continue the interrupted agent node from its turn `turn`: the workspace goes back to
   * the SHAs recorded with that turn (later work kept on a rescue ref) and the node runs again.
   */
  turn?: number;
}

/**
 * Continues an unfinished run from its latest checkpoint's next node (decision 8) with the restored
 * context, retry counts, completed nodes and outcomes, using the DOT source stored with the run.
 * Without a checkpoint it starts over at the start node.
 */
export async function resumeExistingRun(runId: string, engine: ResolvedEngine, options: ResumeOptions = {}): Promise<RunHandle> {
  const { store, clock } = engine;
  const record = await requireRun(engine, runId);
  if (record.state === 'completed' || record.state === 'failed') {
    throw new OrchestraError(ErrorCode.RUN_FINISHED, `Run ${runId} already ${record.state}; only unfinished runs can be resumed.`, {
      hint: `Use \`orchestra replay ${runId} --checkpoint N\` to run it again from one of its checkpoints.`,
    });
  }
  const graph = prepareGraph(record.source, record.file, record.variables, engine.registry, engine.logger);
  await claimRunLease(engine, runId);
  try {
    const checkpoint = await store.latestCheckpoint(runId);
    if (checkpoint && checkpoint.nextNode === null) {
      throw new OrchestraError(ErrorCode.RUN_FINISHED, `Run ${runId} has nothing left to run: its last checkpoint (${checkpoint.seq}) ends the run.`, {
        hint: `Use \`orchestra replay ${runId} --checkpoint N\` to run it again from an earlier checkpoint.`,
      });
    }
    const startAt = checkpoint?.nextNode ?? findStartNodes(graph)[0]!.id;
    // `--turn T`: the files as turn T of the interrupted node left them, instead of the checkpoint's.
    const at = options.turn === undefined ? atHeads(checkpoint?.context) : { at: await headsOfTurn(store, runId, startAt, checkpoint?.seq, options.turn) };
    // Under the lease, before anything is written: a workspace that cannot be reopened leaves the run as it was.
    const workspaceOpening = engine.workspaces && hasOwnWorkspace(record) ? await acquireRunWorkspace(engine.workspaces, { runId, pipeline: record.pipeline }, { kind: 'reopen', ...at }) : undefined;
    const records = await store.listNodeRecords(runId);
    const lastIndex = records.reduce((max, node) => Math.max(max, node.index), 0);
    // Branch nodes finished under the checkpoint we resume from (issue 8.10): replayed, not run again.
    const resumeSeq = checkpoint?.seq ?? 0;
    const recordedSteps = groupRecordedSteps(resumeSeq, await store.listBranchSteps(runId, resumeSeq));
    // A crash may have left the directory behind the store (its files are written off the engine's path).
    await exportRunFiles(store, runId, record.logsRoot);
    // Read before the node's visit moves its files aside: the conversation of turns 1..T to go on from.
    const resumedTurns = options.turn === undefined ? undefined : await readTurnRecords(stagePath(record.logsRoot, startAt, { restart: checkpoint?.loopRestarts ?? 0 }), options.turn);
    await store.updateRun(runId, { state: 'running', updatedAt: clock.now() });
    const events = new EventLog(store, runId, clock, engine.logger, engine.onEvent);
    await events.emit({
      type: 'run.started',
      pipeline: record.pipeline,
      file: record.file,
      goal: record.goal,
      resumed: true,
      ...(checkpoint ? { fromCheckpoint: checkpoint.seq } : {}),
    });
    const result = driveRun({
      engine,
      runId,
      graph,
      logsRoot: record.logsRoot,
      baseDir: dirname(record.file),
      variables: record.variables,
      goal: record.goal,
      startedAt: record.startedAt,
      events,
      progress: checkpoint ? progressFromCheckpoint(checkpoint) : createProgress(createInitialContext(graph, record.variables)),
      startAt,
      ...(checkpoint?.nextNode ? { arrival: arrivalFromCheckpoint(graph, checkpoint.currentNode, checkpoint.nextNode) } : {}),
      degradeFull: true,
      lastIndex,
      recordedSteps,
      ...(workspaceOpening && { workspaceOpening }),
      ...(resumedTurns && { resumedTurns: { node: startAt, records: resumedTurns } }),
      startChildRun: childRunStarter(engine, runId, record.tenant),
    });
    return { runId, logsRoot: record.logsRoot, result: () => result };
  } catch (error) {
    await store.releaseLease(runId, engine.leaseOwner);
    throw error;
  }
}

/** Child runs work in their parent's worktree (start-new-run.ts); replays have a session of their own. */
export function hasOwnWorkspace(record: Pick<RunRecord, 'parentRunId' | 'parentCheckpoint'>): boolean {
  return record.parentRunId === undefined || record.parentCheckpoint !== undefined;
}

/** `{ at }` with the heads a checkpoint recorded, or nothing when it recorded none. */
export function atHeads(context: Readonly<Record<string, unknown>> | undefined): { at?: RepoHeads } {
  const at = context ? workspaceHeadsOf(context) : undefined;
  return at ? { at } : {};
}

export async function requireRun(engine: ResolvedEngine, runId: string): Promise<RunRecord> {
  const record = await engine.store.getRun(runId);
  if (!record) {
    throw new OrchestraError(ErrorCode.RUN_NOT_FOUND, `Run ${runId} does not exist in this store.`, {
      hint: '`orchestra runs` lists the runs.',
    });
  }
  return record;
}
