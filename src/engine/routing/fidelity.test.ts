import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../pipeline/graph/model.js';
import { buildEdge, buildGraph, buildNode, type PlainAttrs } from '../testing/build-graph.js';
import { resolveFidelity, type ResolvedFidelity } from './fidelity.js';

interface Case {
  node?: PlainAttrs;
  edge?: PlainAttrs | undefined;
  graph?: PlainAttrs;
  previous?: string;
  degradeFull?: boolean;
  subgraphs?: GraphNode['subgraphs'];
}

function resolve(c: Case): ResolvedFidelity {
  const graph = buildGraph({ attrs: c.graph ?? {} });
  const node = { ...buildNode('n', c.node), subgraphs: c.subgraphs ?? [] };
  return resolveFidelity({
    node,
    graph,
    incoming: c.edge ? buildEdge('p', 'n', c.edge) : undefined,
    previousNodeId: c.previous,
    degradeFull: c.degradeFull ?? false,
  });
}

describe('decision 17: fidelity and thread resolution', () => {
  it.each<[string, Case, ResolvedFidelity]>([
    ['default is compact', {}, { fidelity: 'compact', threadId: undefined }],
    ['graph default_fidelity', { graph: { default_fidelity: 'truncate' } }, { fidelity: 'truncate', threadId: undefined }],
    ['node beats graph', { node: { fidelity: 'summary:low' }, graph: { default_fidelity: 'truncate' } }, { fidelity: 'summary:low', threadId: undefined }],
    ['incoming edge beats node', { node: { fidelity: 'summary:low' }, edge: { fidelity: 'summary:medium' } }, { fidelity: 'summary:medium', threadId: undefined }],
    ['an invalid value is skipped', { node: { fidelity: 'everything' }, graph: { default_fidelity: 'truncate' } }, { fidelity: 'truncate', threadId: undefined }],
    ['full: thread falls back to the previous node', { node: { fidelity: 'full' }, previous: 'plan' }, { fidelity: 'full', threadId: 'plan' }],
    ['full at the start: own id', { node: { fidelity: 'full' } }, { fidelity: 'full', threadId: 'n' }],
    ['full: graph default_thread_id', { node: { fidelity: 'full' }, graph: { default_thread_id: 'main' }, previous: 'plan' }, { fidelity: 'full', threadId: 'main' }],
    ['full: edge thread_id beats graph', { node: { fidelity: 'full' }, edge: { thread_id: 'e' }, graph: { default_thread_id: 'main' } }, { fidelity: 'full', threadId: 'e' }],
    ['full: node thread_id beats edge', { node: { fidelity: 'full', thread_id: 'mine' }, edge: { thread_id: 'e' } }, { fidelity: 'full', threadId: 'mine' }],
    [
      'full: innermost subgraph class beats previous node',
      { node: { fidelity: 'full' }, previous: 'plan', subgraphs: [{ id: 'outer', derivedClass: 'outer' }, { id: 'inner', derivedClass: 'loop-a' }, { id: 'x', derivedClass: undefined }] },
      { fidelity: 'full', threadId: 'loop-a' },
    ],
    ['after resume, full runs at summary:high', { node: { fidelity: 'full' }, previous: 'plan', degradeFull: true }, { fidelity: 'summary:high', threadId: undefined }],
    ['after resume, other modes are unchanged', { node: { fidelity: 'truncate' }, degradeFull: true }, { fidelity: 'truncate', threadId: undefined }],
  ])('%s', (_name, c, expected) => {
    expect(resolve(c)).toEqual(expected);
  });
});
