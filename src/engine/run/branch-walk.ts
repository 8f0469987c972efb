import type { Outcome } from '../../core/outcome.js';
import type { GraphEdge } from '../../pipeline/graph/model.js';
import { outgoingEdges } from '../../pipeline/graph/model.js';
import type { BranchRequest, BranchResult } from '../handler.js';
import { decideNextStep, type NextStep } from '../routing/next-step.js';
import { errorText } from './attempt-outcome.js';
import { holdBranchNodes } from './branch-nodes.js';
import { placeBranch, recordedStep, replayStep, toBranchStep, type BranchPlace } from './branch-steps.js';
import { contextLookup } from './context-lookup.js';
import { ContextKeys } from './initial-context.js';
import { limitFailure } from './run-limits.js';
import { runNodeStep, type StepResult } from './node-step.js';
import { createProgress } from './run-progress.js';
import type { Frame, RunScope } from './run-scope.js';
import { runAfterCommit } from './after-commit.js';

/**
 * One parallel branch (decision 6): from `startNodeId` with the request's own context, through the
 * same handler, retry and edge logic as the main loop, until the next node is `stopAt` (not run),
 * the exit, or a dead end. Node records and events are written (events tagged with the branch),
 * and each finished node is committed durably as a branch step before the branch goes on (issue
 * 8.10); a resumed run replays the steps a crashed process committed instead of running them again.
 * With a workspace (issue 14) the branch works in worktrees of its own, on a git branch off the
 * parent walk's HEAD named after the parallel node and the branch index, so the fan-in finds it again
 * with the same call; a resumed branch (or one whose earlier, unmerged work is still there) reopens
 * it. What each node leaves there is committed by the node step (node-commit.ts), in the frame's
 * workspace, before the branch records its step.
 */
export async function runBranch(scope: RunScope, request: BranchRequest, parent: Frame): Promise<BranchResult> {
  const startedAt = scope.engine.clock.now();
  const base = request.context.snapshot();
  const tag = `${parent.branch ? `${parent.branch}/` : ''}${request.parentNode}/${request.startNodeId}`;
  const frame: Frame = {
    // The branch sees the history so far (for preambles); its own nodes join the parent's when it ends.
    progress: {
      ...createProgress(request.context),
      completedNodes: [...parent.progress.completedNodes],
      nodeOutcomes: structuredClone(parent.progress.nodeOutcomes),
    },
    // Branch nodes write where every node does, `{logs_root}/<node id>/` (spec §5.6).
    stageDir: parent.stageDir,
    branch: tag,
    signal: AbortSignal.any([request.signal, scope.signal]),
    degradeFull: false,
  };
  const inherited = frame.progress.completedNodes.length;
  const place = placeBranch(scope.recordedSteps, parent, request);
  frame.place = place;
  const parentWorkspace = parent.workspace ?? scope.workspace;
  if (parentWorkspace) {
    try {
      frame.workspace = await parentWorkspace.branch(request.parentNode, request.index);
    } catch (error) {
      const failureReason = `Could not make the branch's worktree: ${errorText(error)}`;
      return { id: request.startNodeId, status: 'fail', failureReason, lastNode: request.parentNode, contextUpdates: {}, durationMs: scope.engine.clock.now() - startedAt };
    }
  }
  const ending = await walk(scope, frame, request, place);
  holdBranchNodes(parent, request.index, frame.progress.completedNodes.slice(inherited), frame.progress.nodeOutcomes);
  const score = Number(request.context.get('score'));
  return {
    id: request.startNodeId,
    ...ending,
    ...(Number.isFinite(score) && request.context.has('score') ? { score } : {}),
    contextUpdates: withoutEngineKeys(request.context.diffFrom(base)),
    durationMs: scope.engine.clock.now() - startedAt,
    ...(frame.workspace ? { workspaceBranches: { ...frame.workspace.branches } } : {}),
  };
}

type BranchEnding = Pick<BranchResult, 'status' | 'notes' | 'failureReason' | 'lastNode'>;

async function walk(scope: RunScope, frame: Frame, request: BranchRequest, place: BranchPlace): Promise<BranchEnding> {
  let current = request.startNodeId;
  let incoming: GraphEdge | undefined = outgoingEdges(scope.graph, request.parentNode).find((edge) => edge.to === current);
  let previousNodeId: string | undefined = request.parentNode;
  let last: BranchEnding = { status: 'success', notes: 'The branch reached its fan-in at once', lastNode: request.parentNode };

  for (;;) {
    if (current === request.stopAt || current === scope.exitNodeId) return last;
    if (frame.signal.aborted) return cancelled(last.lastNode);
    const node = scope.graph.nodes.get(current);
    if (!node) return { status: 'fail', failureReason: `The branch reached node "${current}", which is not in the pipeline`, lastNode: last.lastNode };

    const recorded = recordedStep(place, node.id);
    const limit = recorded ? undefined : limitFailure(scope, frame, node);
    if (limit) return { status: 'fail', failureReason: limit, lastNode: last.lastNode };
    const step: FinishedStep | { kind: 'aborted' } = recorded
      ? { kind: 'done', handlerType: replayStep(scope, frame, node, recorded), outcome: recorded.outcome, index: 0, durationMs: 0, stored: Promise.resolve() }
      : await runNodeStep(scope, frame, node, { incoming, previousNodeId });
    if (step.kind === 'aborted') return cancelled(node.id);
    const { outcome } = step;
    last = { status: outcome.status, notes: outcome.notes, failureReason: outcome.failureReason, lastNode: node.id };

    const next = nextInBranch(scope, frame, node.id, step.handlerType, outcome);
    // A replayed step's events were committed with it, before the crash.
    if (!recorded) await commitStep(scope, frame, place, node.id, step, next);
    place.done += 1;
    if (next.kind === 'end') return last;
    if (next.kind === 'fail') return { ...last, status: 'fail', failureReason: next.message };
    [current, incoming, previousNodeId] = [next.to, next.edge, node.id];
  }
}

type FinishedStep = Pick<Extract<StepResult, { kind: 'done' }>, 'kind' | 'handlerType' | 'outcome' | 'index' | 'durationMs' | 'stored'>;

/** The step, its node.completed and edge.selected in one durable commit, before the branch goes on. */
async function commitStep(scope: RunScope, frame: Frame, place: BranchPlace, nodeId: string, step: FinishedStep, next: NextStep): Promise<void> {
  const { outcome } = step;
  const committed = scope.events.commitBranchStep(
    toBranchStep(place, frame, nodeId, outcome, scope.engine.clock.now()),
    [
      {
        type: 'node.completed',
        node: nodeId,
        index: step.index,
        status: outcome.status,
        durationMs: step.durationMs,
        ...(outcome.notes ? { notes: outcome.notes } : {}),
        ...(outcome.failureReason ? { failureReason: outcome.failureReason } : {}),
      },
      ...(next.kind === 'advance' ? [{ type: 'edge.selected' as const, from: nodeId, to: next.to, reason: next.reason, ...(next.label ? { label: next.label } : {}) }] : []),
    ],
    { branch: frame.branch },
  );
  // The node's records were issued before its step: they commit together.
  await Promise.all([step.stored, committed]);
  await runAfterCommit(scope, frame);
}

function nextInBranch(scope: RunScope, frame: Frame, nodeId: string, handlerType: string, outcome: Outcome): NextStep {
  const node = scope.graph.nodes.get(nodeId)!;
  try {
    const next = decideNextStep(scope.graph, node, handlerType, outcome, contextLookup(frame.progress.context));
    if (next.kind === 'advance' && next.loopRestart) {
      return { kind: 'fail', message: `Edge ${nodeId} -> ${next.to} has loop_restart=true, which cannot restart the run from inside a parallel branch` };
    }
    return next;
  } catch (error) {
    return { kind: 'fail', message: `Cannot choose the next node after "${nodeId}": ${errorText(error)}` };
  }
}

// The engine's own bookkeeping is not something a branch produced for the fan-in to merge; nor
// are a nested fan-out's `parallel.*` keys, which would overwrite the outer fan-out's counts.
const engineKeys = new Set<string>([ContextKeys.outcome, ContextKeys.preferredLabel, ContextKeys.currentNode]);
const engineKeyPrefixes = ['internal.', 'parallel.'];

export function withoutEngineKeys(updates: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(updates).filter(([key]) => !engineKeys.has(key) && !engineKeyPrefixes.some((prefix) => key.startsWith(prefix))));
}

function cancelled(lastNode: string): BranchEnding {
  return { status: 'fail', failureReason: 'The branch was cancelled', lastNode };
}
