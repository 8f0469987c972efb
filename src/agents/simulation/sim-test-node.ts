import type { SourceLocation } from '../../core/source-location.js';
import type { AttrValue, Graph, GraphNode } from '../../pipeline/graph/model.js';
import type { AgentRequest } from '../backend.js';

// Test-only builders; the engine's graph builders live in a higher layer this one may not import.
const loc: SourceLocation = { file: '<test>', line: 1, column: 1 };

export function simNode(id: string, attrs: Record<string, AttrValue> = {}): GraphNode {
  const entries = Object.entries(attrs).map(([key, value]) => [key, { key, value, loc }]);
  return { id, attrs: Object.fromEntries(entries), classes: [], subgraphs: [], loc, implicit: false };
}

export function simRequest(node: GraphNode, overrides: Partial<AgentRequest> = {}): AgentRequest {
  const graph: Graph = { name: 'g', file: '<test>', attrs: {}, nodes: new Map([[node.id, node]]), edges: [], loc };
  return {
    node,
    graph,
    prompt: 'Do the work',
    context: {},
    fidelity: 'compact',
    threadId: undefined,
    preamble: '',
    stageDir: '/nonexistent',
    runId: 'run-1',
    attempt: 1,
    signal: new AbortController().signal,
    ...overrides,
  };
}

export const str = (value: string): AttrValue => ({ kind: 'string', value });
