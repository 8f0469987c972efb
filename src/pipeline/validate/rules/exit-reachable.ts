import { incomingEdges, outgoingEdges, type Graph, type GraphNode } from '../../graph/model.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';
import { reachableIds } from '../traverse.js';

/**
 * Every node the run can reach can still get to the exit. Names where a run gets stuck: dead ends
 * (no outgoing edges), and the entry into loops that never lead out.
 */
export const exitReachableRule: LintRule = {
  name: 'exit_reachable',
  apply(graph, ctx) {
    const start = ctx.startNode();
    const exit = ctx.exitNode();
    if (!start || !exit) return [];
    const reachingExit = ctx.reachingExit();
    const stuck = new Set([...ctx.reachableFromStart()].filter((id) => !reachingExit.has(id)));
    if (stuck.size === 0) return [];
    const deadEnds = [...stuck].filter((id) => outgoingEdges(graph, id).length === 0);
    const reachingDeadEnd = new Set<string>();
    for (const id of deadEnds) for (const seen of reachableIds(graph, id, 'backward')) reachingDeadEnd.add(seen);
    const trapped = new Set([...stuck].filter((id) => !reachingDeadEnd.has(id)));
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      if (node.implicit) continue;
      if (deadEnds.includes(node.id)) diagnostics.push(deadEnd(node, exit));
      else if (trapped.has(node.id) && isEntry(graph, node, start, trapped)) diagnostics.push(trap(node, exit));
    }
    return diagnostics;
  },
};

function isEntry(graph: Graph, node: GraphNode, start: GraphNode, trapped: ReadonlySet<string>): boolean {
  return node.id === start.id || incomingEdges(graph, node.id).some((edge) => !trapped.has(edge.from));
}

function deadEnd(node: GraphNode, exit: GraphNode): Diagnostic {
  return {
    rule: 'exit_reachable',
    severity: 'error',
    message: `No path from start to exit: node ${node.id} has no outgoing edges, so a run that reaches it cannot finish.`,
    loc: node.loc,
    nodeId: node.id,
    fix: `add an edge from ${node.id} to the next node, or to the exit: ${node.id} -> ${exit.id}`,
  };
}

function trap(node: GraphNode, exit: GraphNode): Diagnostic {
  return {
    rule: 'exit_reachable',
    severity: 'error',
    message: `No path from start to exit: from node ${node.id} every path loops without reaching the exit ${exit.id}.`,
    loc: node.loc,
    nodeId: node.id,
    fix: `add an edge out of the loop that leads to ${exit.id}`,
  };
}
