import { ErrorCode, isOrchestraError } from '../../core/errors.js';
import { findExitNodes, findStartNodes } from '../../pipeline/graph/node-kind.js';
import { ArtifactStore } from '../../store/run-dir/artifact-store.js';
import { stagePath } from '../../store/run-dir/stage-path.js';
import { errorText } from './attempt-outcome.js';
import { runBranch } from './branch-walk.js';
import { markDrivenHere } from './lease-claim.js';
import { keepLease } from './lease-keeper.js';
import { LiveProcesses } from './live-processes.js';
import { runMainLoop, type LoopEnd } from './main-loop.js';
import type { Arrival } from './node-step.js';
import type { RunResult } from './run-handle.js';
import type { RunProgress } from './run-progress.js';
import { flushMirror, RunMirror } from './run-mirror.js';
import type { Frame, RunScope } from './run-scope.js';
import { StageVisits } from './stage-visits.js';
import { announceWorkspace, type WorkspaceOpening } from './run-workspace-open.js';
import { setWorkspaceHeads } from './workspace-heads.js';
import { WorkspacePushes } from './workspace-pushes.js';

/** The run's fixed facts (as the scope holds them) plus where and how the walk starts. */
export type DriveSetup = Pick<RunScope, 'engine' | 'runId' | 'graph' | 'logsRoot' | 'baseDir' | 'variables' | 'goal' | 'startedAt' | 'events' | 'startChildRun' | 'recordedSteps' | 'resumedTurns'> & {
  progress: RunProgress;
  /** Where the walk starts: the start node, or a checkpoint's next node. */
  startAt: string;
  /** How the walk arrived at `startAt` (resume and replay: the checkpoint's edge), for fidelity. */
  arrival?: Arrival;
  degradeFull: boolean;
  /** Node records already in the store; new ones are numbered after them. */
  lastIndex: number;
  /** The run directory is new (a new run): no stage directory holds an earlier visit yet. */
  freshRunDir?: boolean;
  /** The run's workspace (issue 14), opened by the way in; absent: the run works in its directory. */
  workspaceOpening?: WorkspaceOpening;
};

/**
 * Drives a run whose lease this process already holds, to its end: renews the lease, runs the main
 * loop, records how it ended, releases the lease. Never rejects.
 */
export async function driveRun(setup: DriveSetup): Promise<RunResult> {
  const { engine, events } = setup;
  const unmark = markDrivenHere(setup.runId);
  const controller = new AbortController();
  const onAbort = () => controller.abort(engine.signal?.reason);
  engine.signal?.addEventListener('abort', onAbort, { once: true });
  if (engine.signal?.aborted) onAbort();
  const lease = keepLease(engine, setup.runId, () => controller.abort(new Error('the lease was lost')));
  const scope = createScope(setup, controller.signal);
  const frame: Frame = {
    progress: setup.progress,
    stageDir: (nodeId) => stagePath(setup.logsRoot, nodeId, { restart: frame.progress.loopRestarts }),
    branch: undefined,
    signal: controller.signal,
    degradeFull: setup.degradeFull,
  };

  let result: RunResult;
  try {
    await useWorkspace(scope, setup);
    const end = await runMainLoop(scope, frame, setup.startAt, setup.arrival);
    await processesEnded(scope);
    await pushesAtEnd(scope, end);
    result = await recordEnd(scope, end, lease.lost, controller.signal.reason);
  } catch (error) {
    result = await recordCrash(scope, error);
  } finally {
    engine.signal?.removeEventListener('abort', onAbort);
  }
  await flushMirror(scope.files, engine.logger, setup.runId);
  await events.drain();
  await lease.stop().catch((error: unknown) => engine.logger.warn('could not release the lease', { runId: setup.runId, error: String(error) }));
  unmark();
  return result;
}

function createScope(setup: DriveSetup, signal: AbortSignal): RunScope {
  let index = setup.lastIndex;
  const { workspaceOpening: _opening, ...facts } = setup;
  const scope: RunScope = {
    ...facts,
    startNodeId: findStartNodes(setup.graph)[0]?.id ?? setup.startAt,
    exitNodeId: findExitNodes(setup.graph)[0]?.id ?? '',
    signal,
    files: new RunMirror(setup.engine.store, setup.runId, setup.logsRoot, () => setup.engine.clock.now()),
    visits: new StageVisits(setup.freshRunDir ?? false),
    artifacts: new ArtifactStore(setup.logsRoot, { now: () => setup.engine.clock.now() }),
    nextIndex: () => ++index,
    stepsTaken: () => index,
    processes: new LiveProcesses(),
    runBranch: (request, parent) => runBranch(scope, request, parent),
  };
  return scope;
}

/** Issue 14: the run's session worktrees recorded, their pushes set up, their heads in the context. */
async function useWorkspace(scope: RunScope, setup: DriveSetup): Promise<void> {
  const opening = setup.workspaceOpening;
  if (!opening) return;
  scope.workspace = opening.workspace;
  if (opening.kind === 'inherit') return;
  await announceWorkspace(scope.events, opening);
  scope.pushes = new WorkspacePushes(opening.workspace, scope.events, scope.engine.logger, scope.runId);
  setWorkspaceHeads(setup.progress.context, await opening.workspace.heads());
}

/** A run that ends without a committed last checkpoint: its pushes are recorded before its last event. */
async function pushesAtEnd(scope: RunScope, end: LoopEnd): Promise<void> {
  if (end.kind === 'failed' && !end.committed) await scope.pushes?.completion();
  else await scope.pushes?.settled();
}

// Enough for SIGTERM, the 2 s grace and SIGKILL; a group still live after it is ended by resume.
const processWaitMs = 10_000;

/** An interrupted node's command is still being stopped: the run ends after it, not before. */
async function processesEnded(scope: RunScope): Promise<void> {
  if (await scope.processes.settled(processWaitMs)) return;
  scope.engine.logger.warn('a node\'s process group was still running when the run ended; resume ends it', { runId: scope.runId });
}

async function recordEnd(scope: RunScope, end: LoopEnd, leaseLost: boolean, reason: unknown): Promise<RunResult> {
  const { store, clock } = scope.engine;
  const now = clock.now();
  const base = { runId: scope.runId, durationMs: now - scope.startedAt };
  switch (end.kind) {
    case 'completed':
      return { ...base, state: 'completed', outcome: 'success', lastNode: end.lastNode };
    case 'failed':
      if (!end.committed) {
        await store.updateRun(scope.runId, { state: 'failed', error: end.message, finishedAt: now, updatedAt: now, outcome: 'fail' });
        await scope.events.emit({ type: 'run.failed', error: end.message, durationMs: base.durationMs, node: end.node });
      }
      return { ...base, state: 'failed', outcome: 'fail', error: { message: end.message, node: end.node }, lastNode: end.node };
    case 'interrupted': {
      const why = reasonText(reason);
      // After losing the lease another process owns the run: write nothing more.
      if (!leaseLost) {
        await store.updateRun(scope.runId, { state: 'interrupted', currentNode: end.node, updatedAt: now });
        await scope.events.emit({ type: 'run.interrupted', reason: why, node: end.node });
      }
      return { ...base, state: 'interrupted', error: { code: ErrorCode.INTERRUPTED, message: `Run ${scope.runId} was interrupted at node "${end.node}": ${why}`, node: end.node }, lastNode: end.node };
    }
  }
}

/** A bug or a store failure: try to leave the run marked failed, and say what happened. */
async function recordCrash(scope: RunScope, error: unknown): Promise<RunResult> {
  const code = isOrchestraError(error) ? error.code : ErrorCode.INTERNAL;
  const message = `The engine stopped on an unexpected error: ${errorText(error)}`;
  const now = scope.engine.clock.now();
  scope.engine.logger.error(message, { runId: scope.runId, stack: error instanceof Error ? error.stack : undefined });
  try {
    await scope.engine.store.updateRun(scope.runId, { state: 'failed', error: message, finishedAt: now, updatedAt: now, outcome: 'fail' });
    await scope.events.emit({ type: 'run.failed', error: message, code, durationMs: now - scope.startedAt });
  } catch (storeError) {
    scope.engine.logger.error('could not record the failure in the store', { runId: scope.runId, error: String(storeError) });
  }
  return { runId: scope.runId, state: 'failed', outcome: 'fail', error: { code, message }, durationMs: now - scope.startedAt };
}

function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === 'string' && reason !== '') return reason;
  return 'interrupted';
}
