import { isSuccessful } from '../../../core/outcome.js';
import type { GraphEdge } from '../../../pipeline/graph/model.js';
import type { BranchResult, HandlerInput } from '../../handler.js';
import { JoinPolicy } from './join-policy.js';

export interface BranchPlan {
  edges: readonly GraphEdge[];
  fanIn: string | undefined;
  joinPolicy: JoinPolicy;
  maxParallel: number;
}

/**
 * Runs one branch per edge through `services.runBranch`, at most `maxParallel` at a time, each with
 * its own clone of the context and its own signal (decision 6). Under `first_success` the first
 * SUCCESS aborts the running branches and the rest never start; they are reported as SKIPPED.
 * Results are in edge order.
 */
export async function runBranches(input: HandlerInput, plan: BranchPlan): Promise<BranchResult[]> {
  const { node, services } = input;
  const results: BranchResult[] = new Array(plan.edges.length);
  const controllers = plan.edges.map(() => new AbortController());
  let winner: string | undefined;
  let next = 0;

  const cancelledBy = (id: string): BranchResult => ({
    id,
    status: 'skipped',
    notes: winner === undefined ? 'Cancelled with the parallel node' : `Cancelled: branch "${winner}" succeeded first`,
    lastNode: id,
    contextUpdates: {},
    durationMs: 0,
  });

  async function runOne(index: number): Promise<void> {
    const edge = plan.edges[index]!;
    if (winner !== undefined || input.signal.aborted) {
      results[index] = cancelledBy(edge.to);
      return;
    }
    await services.emit({ type: 'parallel.branch.started', node: node.id, branch: edge.to, index });
    // A winner may have been found, or the node cancelled, while the event was being recorded.
    if (winner !== undefined || input.signal.aborted) {
      results[index] = cancelledBy(edge.to);
      return;
    }
    const startedAt = services.clock.now();
    let result: BranchResult;
    try {
      result = await services.runBranch({
        parentNode: node.id,
        startNodeId: edge.to,
        stopAt: plan.fanIn,
        context: input.context.clone(),
        index,
        signal: AbortSignal.any([input.signal, controllers[index]!.signal]),
        attempt: input.attempt,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result = { id: edge.to, status: 'fail', failureReason: message, lastNode: edge.to, contextUpdates: {}, durationMs: services.clock.now() - startedAt };
    }
    if (winner !== undefined && controllers[index]!.signal.aborted) result = { ...cancelledBy(result.id), lastNode: result.lastNode, durationMs: result.durationMs };
    results[index] = result;
    await services.emit({
      type: 'parallel.branch.completed',
      node: node.id,
      branch: result.id,
      index,
      durationMs: result.durationMs,
      status: result.status,
      success: isSuccessful(result.status),
    });
    if (plan.joinPolicy === JoinPolicy.FIRST_SUCCESS && result.status === 'success' && winner === undefined) {
      winner = result.id;
      controllers.forEach((controller, other) => {
        if (other !== index) controller.abort(new Error(`branch "${winner}" succeeded first`));
      });
    }
  }

  async function worker(): Promise<void> {
    while (next < plan.edges.length) await runOne(next++);
  }

  await Promise.all(Array.from({ length: Math.min(plan.maxParallel, plan.edges.length) }, worker));
  return results;
}
