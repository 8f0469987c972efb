import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'shape_known';
const lint = (decl: string) => lintDot(pipelineDot(`${decl}\nstart -> a -> exit`), rule);

describe('shape_known', () => {
  it.each(['a [label="A"]', 'a [shape=box]', 'a [shape=hexagon]', 'a [shape=MDiamond]', 'a [shape=PARALLELOGRAM]', 'a [shape=ellipse]', 'a [shape=Cylinder]', 'a [shape=note]'])('issue 9: does not fire for %s', (decl) => {
    expect(lint(decl)).toEqual([]);
  });

  it.each([
    ['a [shape=boxx]', 'p.dot:5:6: warning[shape_known]: Node a has shape "boxx", which selects no handler, so it runs as an LLM stage (codergen). Did you mean "box"?\n  fix: shape=box'],
    ['a [shape=hexgon]', 'p.dot:5:6: warning[shape_known]: Node a has shape "hexgon", which selects no handler, so it runs as an LLM stage (codergen). Did you mean "hexagon"?\n  fix: shape=hexagon'],
    [
      'a [shape=zzz]',
      'p.dot:5:6: warning[shape_known]: Node a has shape "zzz", which selects no handler, so it runs as an LLM stage (codergen).\n  fix: use one of Mdiamond, Msquare, box, hexagon, diamond, component, tripleoctagon, parallelogram, house; box (or no shape) is an LLM stage',
    ],
  ])('issue 9: an unknown shape is a warning with did-you-mean: %s', (decl, expected) => {
    expect(lint(decl)).toEqual([expected]);
  });
});
