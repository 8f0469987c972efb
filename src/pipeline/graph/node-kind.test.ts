import { describe, expect, it } from 'vitest';
import { parseDot } from '../dot/parse.js';
import { findExitNodes, findStartNodes, handlerTypeOf, SHAPE_TO_TYPE } from './node-kind.js';

function nodeWith(attrs: string) {
  const graph = parseDot(`digraph { n [${attrs}] }`, 't.dot');
  return graph.nodes.get('n')!;
}

describe('handlerTypeOf', () => {
  it.each([
    ['no attributes', '', 'codergen'],
    ['box', 'shape=box', 'codergen'],
    ['Mdiamond', 'shape=Mdiamond', 'start'],
    ['Msquare', 'shape=Msquare', 'exit'],
    ['hexagon', 'shape=hexagon', 'wait.human'],
    ['diamond', 'shape=diamond', 'conditional'],
    ['component', 'shape=component', 'parallel'],
    ['tripleoctagon', 'shape=tripleoctagon', 'parallel.fan_in'],
    ['parallelogram', 'shape=parallelogram', 'tool'],
    ['house', 'shape=house', 'stack.manager_loop'],
    ['shape in another case', 'shape=MDiamond', 'start'],
    ['quoted shape', 'shape="hexagon"', 'wait.human'],
    ['other Graphviz shape', 'shape=ellipse', 'codergen'],
    ['type beats shape', 'shape=hexagon, type="my_review"', 'my_review'],
    ['built-in type', 'type="tool"', 'tool'],
    ['empty type falls back to shape', 'shape=diamond, type=""', 'conditional'],
    ['blank type falls back to shape', 'shape=diamond, type="  "', 'conditional'],
  ])('%s', (_name, attrs, expected) => {
    expect(handlerTypeOf(nodeWith(attrs))).toBe(expected);
  });

  it('maps every shape of spec §2.8', () => {
    expect(Object.keys(SHAPE_TO_TYPE)).toHaveLength(9);
  });
});

describe('decision 13: start and exit nodes', () => {
  const ids = (source: string, find: typeof findStartNodes) => find(parseDot(source, 't.dot')).map((node) => node.id);

  it.each([
    ['the Mdiamond node', 'digraph { begin [shape=Mdiamond] a }', ['begin']],
    ['the Mdiamond node, not the start alias', 'digraph { start  begin [shape=Mdiamond] }', ['begin']],
    ['id start when no Mdiamond', 'digraph { start -> a }', ['start']],
    ['id Start when no Mdiamond', 'digraph { Start -> a }', ['Start']],
    ['every Mdiamond (validation reports two)', 'digraph { s1 [shape=Mdiamond] s2 [shape=Mdiamond] }', ['s1', 's2']],
    ['both aliases when no Mdiamond', 'digraph { start Start }', ['start', 'Start']],
    ['nothing', 'digraph { a -> b }', []],
    ['not the alias in other case', 'digraph { START }', []],
  ])('start: %s', (_name, source, expected) => {
    expect(ids(source, findStartNodes)).toEqual(expected);
  });

  it.each([
    ['the Msquare node', 'digraph { done [shape=Msquare] exit }', ['done']],
    ['id exit', 'digraph { a -> exit }', ['exit']],
    ['id end', 'digraph { a -> end }', ['end']],
    ['id Exit', 'digraph { a -> Exit }', ['Exit']],
    ['id End', 'digraph { a -> End }', ['End']],
    ['every alias when no Msquare', 'digraph { exit end }', ['exit', 'end']],
    ['nothing', 'digraph { a -> finish }', []],
  ])('exit: %s', (_name, source, expected) => {
    expect(ids(source, findExitNodes)).toEqual(expected);
  });
});
