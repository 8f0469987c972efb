import { DEFAULT_MAX_STEPS } from '../../pipeline/attributes/graph-attributes.js';
import type { Graph, GraphNode } from '../../pipeline/graph/model.js';
import { ownerOf, readInt } from '../../pipeline/graph/attr-read.js';
import { errorText } from './attempt-outcome.js';
import type { Frame, RunScope } from './run-scope.js';
import { visitsOf } from './visit-counts.js';


/** The graph's `max_steps`, else the default; a value below 1 is taken as 1 (validation warns). */
export function resolveMaxSteps(graph: Graph): number {
  return Math.max(1, readInt(graph.attrs, 'max_steps', ownerOf(graph)) ?? DEFAULT_MAX_STEPS);
}

/**
 * The runaway-loop guard: `stepsTaken` counts every node execution so far (each attempt, branches
 * and earlier processes of a resumed run included). Returns why the run must stop before `nodeId`.
 */
export function stepLimitFailure(stepsTaken: number, maxSteps: number, nodeId: string): string | undefined {
  if (stepsTaken < maxSteps) return undefined;
  return (
    `The run stopped before node "${nodeId}": it reached the limit of ${maxSteps} node executions (max_steps), which usually means a loop that never ends. ` +
    `If the pipeline really needs more, raise the limit with the graph attribute max_steps (graph [max_steps=${maxSteps * 2}])`
  );
}

/** `max_visits` caps how often one node runs; `visits` counts its finished runs since the start or the last loop restart. */
export function visitLimitFailure(node: GraphNode, completedNodes: readonly string[]): string | undefined {
  const maxVisits = readInt(node.attrs, 'max_visits', ownerOf(node));
  if (maxVisits === undefined) return undefined;
  const visits = visitsOf(completedNodes, node.id);
  if (visits < maxVisits) return undefined;
  return (
    `Node "${node.id}" exceeded max_visits=${maxVisits}: it has run ${visits} time${visits === 1 ? '' : 's'} and would run again. ` +
    `Raise max_visits on "${node.id}" if the loop needs more rounds, or route it out of the loop sooner`
  );
}

/**
 * Checked before every node, in the main loop and in parallel branches: why the walk must stop
 * instead of running `node`, if it must. An unreadable limit stops it too, named.
 */
export function limitFailure(scope: Pick<RunScope, 'graph' | 'stepsTaken'>, frame: Pick<Frame, 'progress'>, node: GraphNode): string | undefined {
  try {
    return stepLimitFailure(scope.stepsTaken(), resolveMaxSteps(scope.graph), node.id) ?? visitLimitFailure(node, frame.progress.completedNodes);
  } catch (error) {
    return `Cannot check the run's limits before node "${node.id}": ${errorText(error)}`;
  }
}
