import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { Outcome } from '../../core/outcome.js';
import type { Fidelity } from '../../agents/backend.js';
import type { Graph, GraphEdge, GraphNode } from '../../pipeline/graph/model.js';
import { outgoingEdges } from '../../pipeline/graph/model.js';
import { ownerOf, readBool, readString } from '../../pipeline/graph/attr-read.js';
import { handlerTypeOf } from '../../pipeline/graph/node-kind.js';
import type { Handler, HandlerServices, RunInfo } from '../handler.js';
import { defaultBackoff } from '../retry/backoff.js';
import { resolveRetryPolicy, type RetryPolicy } from '../retry/retry-policy.js';
import { resolveFidelity, type ResolvedFidelity } from '../routing/fidelity.js';
import { renderPreamble } from '../routing/preamble.js';
import { resolveNodeTimeout } from '../routing/node-timeout.js';
import { releaseBranchNodes } from './branch-nodes.js';
import { executeNode, type NodeExecution } from './execute-node.js';
import { ContextKeys } from './initial-context.js';
import { recordNodeOutcome } from './run-progress.js';
import { commitNodeWork } from './node-commit.js';
import { visitsOf } from './visit-counts.js';
import type { Frame, RunScope } from './run-scope.js';
import type { RunWorkspace } from '../../workspace/run-workspace/types.js';
import { ensureStageDir, mirrorContextFile, mirrorStatusFile } from './stage-files.js';

/** How the walk arrived at a node: the edge taken and the node before it. */
export interface Arrival {
  incoming: GraphEdge | undefined;
  previousNodeId: string | undefined;
}

/** The arrival a checkpoint implies: the first edge from its node to its next node, if there is one. */
export function arrivalFromCheckpoint(graph: Graph, currentNode: string, nextNode: string): Arrival {
  return { incoming: outgoingEdges(graph, currentNode).find((edge) => edge.to === nextNode), previousNodeId: currentNode };
}

export type StepResult =
  | { kind: 'done'; node: GraphNode; handlerType: string; outcome: Outcome; index: number; durationMs: number; fidelity: Fidelity; stored: Promise<void> }
  | { kind: 'aborted'; node: GraphNode };

/**
 * One node, start to finish: pick its handler, fidelity and preamble, run it with retries, write
 * `status.json`, and fold the outcome into the frame's progress (digest §5 steps b-d).
 */
export async function runNodeStep(scope: RunScope, frame: Frame, node: GraphNode, arrival: Arrival): Promise<StepResult> {
  const { context } = frame.progress;
  context.set(ContextKeys.currentNode, node.id);
  const handlerType = resolveHandlerType(scope, node);
  const resolved = resolveNodeFidelity(scope, frame, node, arrival);
  const stageDir = frame.stageDir(node.id);
  await keepEarlierVisit(scope, stageDir);
  // A shallow copy costs O(keys) here; the JSON is built by the background writer.
  mirrorContextFile(scope.files, stageDir, context.entries());
  // The preamble walks the whole history; built-in handlers that never talk to a model skip it.
  const preamble = handlersWithoutModel.has(handlerType)
    ? ''
    : renderPreamble(resolved.fidelity, frame.progress.completedNodes, frame.progress.nodeOutcomes, context.snapshot(), scope.goal, scope.runId);

  const rules = resolveExecutionRules(scope, node, handlerType);
  const stageDirReady = stageDirMaker(stageDir, frame.branch === undefined);
  if (rules.handler.usesStageDir !== false) await stageDirReady();
  const execution: NodeExecution = {
    ...rules,
    node,
    handlerType,
    input: {
      node,
      graph: scope.graph,
      context,
      run: { id: scope.runId, logsRoot: scope.logsRoot, baseDir: scope.baseDir, variables: scope.variables, fidelity: resolved.fidelity, threadId: resolved.threadId, ...workspaceOf(scope, frame), ...resumedTurnsOf(scope, node.id) },
      stageDir,
      ensureStageDir: stageDirReady,
      visit: visitName(frame, node.id),
      services: createServices(scope, frame),
      preamble,
    },
  };
  const result = await executeNode(scope, frame, execution);
  if (result.kind === 'aborted') return { kind: 'aborted', node };

  mirrorStatusFile(scope.files, stageDir, result.outcome);
  recordNodeOutcome(frame.progress, node.id, result.outcome);
  await commitNodeWork(scope, frame, node.id);
  releaseBranchNodes(frame);
  return { kind: 'done', node, handlerType, outcome: result.outcome, index: result.index, durationMs: result.durationMs, fidelity: resolved.fidelity, stored: result.stored };
}

/** Creates the stage directory on the first call (HandlerInput.ensureStageDir); later calls wait for that one. */
function stageDirMaker(stageDir: string, inline: boolean): () => Promise<void> {
  let made: Promise<void> | undefined;
  return function ensureNodeStageDir() {
    made ??= ensureStageDir(stageDir, inline);
    return made;
  };
}

/** `r{loop restarts}[.b{branch}].v{visit}`: the same when a resumed run repeats the visit (from checkpointed progress). */
function visitName(frame: Frame, nodeId: string): string {
  const branch = frame.branch === undefined ? '' : `.b${frame.branch}`;
  return `r${frame.progress.loopRestarts}${branch}.v${visitsOf(frame.progress.completedNodes, nodeId) + 1}`;
}

/** Visits/N (stage-visits.ts): a problem moving old files is logged; it never fails the node. */
async function keepEarlierVisit(scope: RunScope, stageDir: string): Promise<void> {
  try {
    await scope.visits.beginVisit(stageDir, () => scope.files.flush());
  } catch (error) {
    scope.engine.logger.warn('could not keep the earlier visit of a node in visits/', { runId: scope.runId, stageDir, error: String(error) });
  }
}

const handlersWithoutModel = new Set(['start', 'exit', 'conditional', 'tool', 'parallel', 'wait.human', 'stack.manager_loop']);

/** An explicit `type` wins; otherwise the run's start and exit nodes (decision 13) get their handlers by role. */
export function resolveHandlerType(scope: Pick<RunScope, 'startNodeId' | 'exitNodeId'>, node: GraphNode): string {
  const explicit = readString(node.attrs, 'type')?.trim();
  if (explicit) return explicit;
  if (node.id === scope.startNodeId) return 'start';
  if (node.id === scope.exitNodeId) return 'exit';
  return handlerTypeOf(node);
}

function resolveNodeFidelity(scope: RunScope, frame: Frame, node: GraphNode, arrival: Arrival): ResolvedFidelity {
  const input = { node, graph: scope.graph, ...arrival, degradeFull: false };
  const resolved = resolveFidelity(input);
  if (!frame.degradeFull || resolved.fidelity !== 'full') return resolved;
  frame.degradeFull = false;
  return resolveFidelity({ ...input, degradeFull: true });
}

type ExecutionRules = Pick<NodeExecution, 'handler' | 'policy' | 'timeoutMs' | 'autoStatus'>;

/**
 * Handler and attribute-driven rules. Anything wrong here (unknown handler type, a mistyped
 * attribute) fails the node through the normal attempt path, so it is recorded like any failure.
 */
function resolveExecutionRules(scope: RunScope, node: GraphNode, handlerType: string): ExecutionRules {
  try {
    const handler = scope.engine.registry.get(handlerType);
    if (!handler) {
      throw new OrchestraError(ErrorCode.HANDLER_NOT_FOUND, `No handler is registered for type "${handlerType}" (node "${node.id}").`, {
        hint: `Registered types: ${scope.engine.registry.types().join(', ')}.`,
      });
    }
    return {
      handler,
      policy: resolveRetryPolicy(node, scope.graph),
      timeoutMs: resolveNodeTimeout(node, scope.graph, handlerType),
      autoStatus: readBool(node.attrs, 'auto_status', ownerOf(node)) ?? false,
    };
  } catch (error) {
    return { handler: failingHandler(error), policy: singleAttempt, timeoutMs: undefined, autoStatus: false };
  }
}

const singleAttempt: RetryPolicy = { maxAttempts: 1, backoff: defaultBackoff, retryOnFail: false, retryErrors: false, allowPartial: false };

function failingHandler(error: unknown): Handler {
  return {
    execute() {
      return Promise.reject(error);
    },
  };
}

function createServices(scope: RunScope, frame: Frame): HandlerServices {
  const { backend, interviewer, humanTasks, workflows, store, clock, random, logger } = scope.engine;
  return {
    backend,
    interviewer,
    ...(humanTasks && { humanTasks }),
    ...(workflows && { workflows }),
    store,
    clock,
    random,
    logger,
    artifacts: scope.artifacts,
    emit: async function emitHandlerEvent(event) {
      await scope.events.emit(event, { branch: frame.branch });
    },
    runBranch: (request) => scope.runBranch(request, frame),
    stageDirOf: (nodeId) => frame.stageDir(nodeId),
    startChildRun: (request) => scope.startChildRun(request),
    trackProcess: (ended) => scope.processes.track(ended),
    afterCommit: (task) => {
      (frame.afterCommit ??= []).push(task);
    },
    files: scope.files,
  };
}

/** The branch's worktrees, else the run's (issue 14). */
function workspaceOf(scope: RunScope, frame: Frame): { workspace?: RunWorkspace } {
  const workspace = frame.workspace ?? scope.workspace;
  return workspace ? { workspace } : {};
}

/** Handed once, to the first visit of the node `resume --turn` named (issue 14). */
function resumedTurnsOf(scope: RunScope, nodeId: string): { resumedTurns?: RunInfo['resumedTurns'] } {
  const resumed = scope.resumedTurns;
  if (resumed?.node !== nodeId) return {};
  scope.resumedTurns = undefined;
  return { resumedTurns: resumed.records };
}
