import type { RunEventBody } from '../../core/events.js';
import type { RunPatch } from '../../store/types.js';
import { checkGoalGates } from '../routing/goal-gates.js';
import { decideNextStep, type NextStep } from '../routing/next-step.js';
import { errorText } from './attempt-outcome.js';
import { contextLookup } from './context-lookup.js';
import { resetForLoopRestart } from './initial-context.js';
import { toCheckpoint } from './run-progress.js';
import { limitFailure } from './run-limits.js';
import { runNodeStep, type Arrival, type StepResult } from './node-step.js';
import type { Frame, RunScope } from './run-scope.js';
import { runAfterCommit } from './after-commit.js';
import { ensureRestartDir, mirrorCheckpointFile } from './stage-files.js';

/** How the main loop stopped. `failed` without a checkpoint commit is finalized by the caller. */
export type LoopEnd =
  | { kind: 'completed'; lastNode: string }
  | { kind: 'failed'; message: string; node: string; committed: boolean }
  | { kind: 'interrupted'; node: string };

type DoneStep = Extract<StepResult, { kind: 'done' }>;

/**
 * The top-level walk (digest §5, decisions 3, 8, 9, 10): one node at a time from `startAt`; after
 * each node its checkpoint (with the already chosen next node), run patch and events commit in one
 * transaction, `checkpoint.json` is written, and only then does the next node start.
 */
export async function runMainLoop(scope: RunScope, frame: Frame, startAt: string, arrival: Arrival = { incoming: undefined, previousNodeId: undefined }): Promise<LoopEnd> {
  let current = startAt;
  let { incoming, previousNodeId } = arrival;

  for (;;) {
    if (scope.signal.aborted) return { kind: 'interrupted', node: current };
    const node = scope.graph.nodes.get(current);
    if (!node) return { kind: 'failed', message: `The run reached node "${current}", which is not in the pipeline`, node: current, committed: false };

    if (node.id === scope.exitNodeId) {
      const gates = checkGoalGates(scope.graph, frame.progress.completedNodes, frame.progress.nodeOutcomes);
      if (gates.kind === 'fail') return { kind: 'failed', message: gates.message, node: gates.gate, committed: false };
      if (gates.kind === 'redirect') {
        // No checkpoint: the last one still points at the exit, and re-checking the gates after a crash gives the same jump.
        await scope.events.emit([
          { type: 'goal_gate.redirect', gate: gates.gate, target: gates.target },
          { type: 'edge.selected', from: node.id, to: gates.target, reason: 'goal_gate' },
        ]);
        [current, incoming, previousNodeId] = [gates.target, undefined, node.id];
        continue;
      }
    }

    const limit = limitFailure(scope, frame, node);
    if (limit) return { kind: 'failed', message: limit, node: node.id, committed: false };

    const step = await runNodeStep(scope, frame, node, { incoming, previousNodeId });
    if (step.kind === 'aborted') return { kind: 'interrupted', node: node.id };

    const next = nextStepAfter(scope, frame, step);
    const end = await commitStep(scope, frame, step, next);
    if (end) return end;
    if (next.kind !== 'advance') throw new Error('unreachable: a non-advancing step always ends the loop');
    [current, incoming, previousNodeId] = [next.to, next.edge, node.id];
  }
}

function nextStepAfter(scope: RunScope, frame: Frame, step: DoneStep): NextStep {
  if (step.node.id === scope.exitNodeId) {
    if (step.outcome.status !== 'fail') return { kind: 'end' };
    return { kind: 'fail', message: `Exit node "${step.node.id}" failed: ${step.outcome.failureReason ?? 'no reason given'}` };
  }
  try {
    return decideNextStep(scope.graph, step.node, step.handlerType, step.outcome, contextLookup(frame.progress.context));
  } catch (error) {
    // A condition or attribute that validation let through but cannot be evaluated ends the run, named.
    return { kind: 'fail', message: `Cannot choose the next node after "${step.node.id}": ${errorText(error)}` };
  }
}

/** Commits the node's checkpoint and events; returns how the run ended when this step ended it. */
async function commitStep(scope: RunScope, frame: Frame, step: DoneStep, next: NextStep): Promise<LoopEnd | undefined> {
  const { progress } = frame;
  const now = scope.engine.clock.now();
  const nodeId = step.node.id;
  const events: RunEventBody[] = [
    {
      type: 'node.completed',
      node: nodeId,
      index: step.index,
      status: step.outcome.status,
      durationMs: step.durationMs,
      ...(step.outcome.notes ? { notes: step.outcome.notes } : {}),
      ...(step.outcome.failureReason ? { failureReason: step.outcome.failureReason } : {}),
    },
  ];
  let patch: RunPatch = { currentNode: nodeId, updatedAt: now };
  let end: LoopEnd | undefined;
  let nextNode: string | null = null;

  if (next.kind === 'advance') {
    nextNode = next.to;
    events.push({ type: 'edge.selected', from: nodeId, to: next.to, reason: next.reason, ...(next.label ? { label: next.label } : {}) });
    if (next.loopRestart) {
      resetForLoopRestart(progress);
      ensureRestartDir(scope.logsRoot, progress.loopRestarts);
      events.push({ type: 'loop.restarted', from: nodeId, to: next.to, count: progress.loopRestarts });
    }
  } else {
    const finish = finishStep(scope, frame, nodeId, next, now);
    patch = { ...patch, ...finish.patch };
    end = finish.end;
  }

  const checkpoint = toCheckpoint(progress, nodeId, nextNode, now);
  events.push({ type: 'checkpoint.saved', node: nodeId, checkpoint: checkpoint.seq });
  if (end) events.push(terminalEvent(scope, end, now));
  // The run's last push is recorded before its last event (issue 14).
  if (end && end.kind !== 'interrupted') await scope.pushes?.completion();
  // The node's records were issued before the checkpoint: they commit together.
  await Promise.all([step.stored, scope.events.commit(checkpoint, patch, events)]);
  progress.checkpointSeq = checkpoint.seq;
  await runAfterCommit(scope, frame);
  if (!end) scope.pushes?.afterCheckpoint();
  mirrorCheckpointFile(scope.files, checkpoint);
  return end;
}

/** The run ends at this node: at the exit, at a dead end (goal gates still apply), or on failure. */
function finishStep(scope: RunScope, frame: Frame, nodeId: string, next: Exclude<NextStep, { kind: 'advance' }>, now: number): { patch: RunPatch; end: LoopEnd } {
  let failure = next.kind === 'fail' ? next.message : undefined;
  if (!failure && nodeId !== scope.exitNodeId) {
    const gates = checkGoalGates(scope.graph, frame.progress.completedNodes, frame.progress.nodeOutcomes);
    if (gates.kind !== 'pass') failure = `The run ended at "${nodeId}" (no outgoing edge matched) with goal gate "${gates.gate}" unsatisfied`;
  }
  if (failure) {
    return { patch: { state: 'failed', finishedAt: now, outcome: 'fail', error: failure }, end: { kind: 'failed', message: failure, node: nodeId, committed: true } };
  }
  return { patch: { state: 'completed', finishedAt: now, outcome: 'success' }, end: { kind: 'completed', lastNode: nodeId } };
}

function terminalEvent(scope: RunScope, end: LoopEnd, now: number): RunEventBody {
  const durationMs = now - scope.startedAt;
  if (end.kind === 'failed') return { type: 'run.failed', error: end.message, durationMs, node: end.node };
  const notes = end.kind === 'completed' && end.lastNode !== scope.exitNodeId ? `Pipeline ended at "${end.lastNode}": no outgoing edge matched` : 'Pipeline completed';
  return { type: 'run.completed', status: 'success', durationMs, notes, artifactCount: scope.artifacts.list().length };
}
