import type { Outcome } from '../../../core/outcome.js';
import { ownerOf, readEnum, readInt } from '../../../pipeline/graph/attr-read.js';
import { outgoingEdges } from '../../../pipeline/graph/model.js';
import type { HandlerInput } from '../../handler.js';
import type { BuiltInHandler } from '../built-in-handler.js';
import { findFanIn } from './find-fan-in.js';
import { JoinPolicy, joinPolicies, joinStatus } from './join-policy.js';
import { PARALLEL_RESULTS_KEY, countBranches, parallelCountUpdates, toParallelResult } from './parallel-results.js';
import { runBranches } from './run-branches.js';

const defaultMaxParallel = 4;

/**
 * Fan-out (shape component, decision 6): every outgoing edge is a branch run up to the fan-in
 * node; the results go to `parallel.results` and the run continues at the fan-in.
 */
export function createParallelHandler(): BuiltInHandler {
  return {
    async execute(input: HandlerInput): Promise<Outcome> {
      const { node, services } = input;
      const edges = outgoingEdges(input.graph, node.id);
      if (edges.length === 0) return { status: 'fail', failureReason: `Parallel node "${node.id}" has no outgoing edges to run as branches` };
      const owner = ownerOf(node);
      const joinPolicy = readEnum(node.attrs, 'join_policy', joinPolicies, owner) ?? JoinPolicy.WAIT_ALL;
      const maxParallel = readInt(node.attrs, 'max_parallel', owner) ?? defaultMaxParallel;
      if (maxParallel < 1) return { status: 'fail', failureReason: `max_parallel of ${owner} must be at least 1, got ${maxParallel}` };
      const fanIn = findFanIn(input.graph, node.id);

      const startedAt = services.clock.now();
      await services.emit({ type: 'parallel.started', node: node.id, branchCount: edges.length, joinPolicy, maxParallel });
      const results = await runBranches(input, { edges, fanIn, joinPolicy, maxParallel });
      const { successCount, failureCount } = countBranches(results);
      await services.emit({ type: 'parallel.completed', node: node.id, durationMs: services.clock.now() - startedAt, successCount, failureCount });
      if (input.signal.aborted) throw input.signal.reason;

      const outcome: Outcome = {
        status: joinStatus(joinPolicy, results.map((r) => r.status)),
        notes: `${successCount} of ${results.length} branches succeeded (${joinPolicy})`,
        contextUpdates: { [PARALLEL_RESULTS_KEY]: results.map((result, index) => toParallelResult(result, node.id, index)), ...parallelCountUpdates(results) },
      };
      if (fanIn !== undefined) outcome.suggestedNextIds = [fanIn];
      if (outcome.status === 'fail') outcome.failureReason = `No branch of parallel node "${node.id}" succeeded`;
      return outcome;
    },
  };
}
