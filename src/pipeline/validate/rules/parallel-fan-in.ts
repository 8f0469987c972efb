import { outgoingEdges, type Graph, type GraphEdge, type GraphNode } from '../../graph/model.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintContext, LintRule } from '../lint-rule.js';

// Deeper nesting than this is certainly a cycle through parallel nodes, not a real design.
const maxNesting = 32;

/**
 * Every branch of a `parallel` node reaches the same `parallel.fan_in` node (decision 6): that is
 * where the branches stop and where the run continues. Nested parallels are stepped over: a fan-in
 * closes the innermost open parallel first.
 */
export const parallelFanInRule: LintRule = {
  name: 'parallel_fan_in',
  apply(graph, ctx) {
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      if (ctx.handlerType(node) !== 'parallel') continue;
      const branches = outgoingEdges(graph, node.id).map((edge) => ({ edge, fanIns: fanInsOf(graph, ctx, node, edge) }));
      const all = [...new Set(branches.flatMap((b) => b.fanIns))];
      for (const { edge, fanIns } of branches) {
        if (fanIns.length === 0) diagnostics.push(noFanIn(node, edge, all[0]));
      }
      if (all.length > 1) diagnostics.push(differentFanIns(node, branches));
    }
    return diagnostics;
  },
};

function fanInsOf(graph: Graph, ctx: LintContext, parallel: GraphNode, branch: GraphEdge): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const stack: Array<[string, number]> = [[branch.to, 0]];
  while (stack.length > 0) {
    const [id, depth] = stack.pop() as [string, number];
    const key = `${depth}:${id}`;
    const node = graph.nodes.get(id);
    if (seen.has(key) || !node || id === parallel.id) continue;
    seen.add(key);
    const type = ctx.handlerType(node);
    let next = depth;
    if (type === 'parallel.fan_in') {
      if (depth === 0) {
        if (!found.includes(id)) found.push(id);
        continue;
      }
      next = depth - 1;
    } else if (type === 'parallel') {
      if (depth >= maxNesting) continue;
      next = depth + 1;
    }
    for (const edge of outgoingEdges(graph, id)) stack.push([edge.to, next]);
  }
  return found;
}

function noFanIn(parallel: GraphNode, edge: GraphEdge, fanIn: string | undefined): Diagnostic {
  return {
    rule: 'parallel_fan_in',
    severity: 'error',
    message: `Branch ${edge.from} -> ${edge.to} of parallel node ${parallel.id} never reaches a parallel.fan_in node, so the branch has no end.`,
    loc: edge.loc,
    edge: { from: edge.from, to: edge.to },
    nodeId: parallel.id,
    fix: fanIn
      ? `add an edge from the branch's last node to ${fanIn}`
      : 'add a fan-in node, such as join [shape=tripleoctagon], and an edge from every branch to it',
  };
}

function differentFanIns(parallel: GraphNode, branches: ReadonlyArray<{ edge: GraphEdge; fanIns: string[] }>): Diagnostic {
  const listed = branches
    .filter((b) => b.fanIns.length > 0)
    .map((b) => `${b.edge.to} reaches ${b.fanIns.join(' and ')}`)
    .join('; ');
  return {
    rule: 'parallel_fan_in',
    severity: 'error',
    message: `The branches of parallel node ${parallel.id} end at different fan-in nodes (${listed}); they must all meet at one.`,
    loc: parallel.loc,
    nodeId: parallel.id,
    fix: 'route every branch to the same parallel.fan_in node',
  };
}
