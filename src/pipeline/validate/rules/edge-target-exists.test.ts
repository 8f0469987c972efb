import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'edge_target_exists';

describe('decision 27: edge_target_exists', () => {
  it('does not fire when every endpoint is declared', () => {
    expect(lintDot(pipelineDot('a [label="A"]\nstart -> a -> exit'), rule)).toEqual([]);
  });

  it('decision 27: an edge to an undeclared node is an ERROR naming the edge position and how to declare it', () => {
    const source = pipelineDot('review [label="Review"]\nstart -> review\nreview -> ship_it\nreview -> exit');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:7:3: error[edge_target_exists]: Edge review -> ship_it at p.dot:7:3 names node ship_it, which is never declared.\n  fix: declare it: ship_it [label="..."]',
    ]);
  });

  it('reports an undeclared source node too, once per node', () => {
    const source = pipelineDot('start -> exit\nghost -> exit\nghost -> start');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:6:3: error[edge_target_exists]: Edge ghost -> exit at p.dot:6:3 names node ghost, which is never declared.\n  fix: declare it: ghost [label="..."]',
    ]);
  });

  it.each([
    ['exitt', 'a -> exitt', 'p.dot:6:3: error[edge_target_exists]: Edge a -> exitt at p.dot:6:3 names node exitt, which is never declared. Did you mean "exit"?\n  fix: write exit instead, or declare exitt [label="..."]'],
    ['ext', 'a -> ext', 'p.dot:6:3: error[edge_target_exists]: Edge a -> ext at p.dot:6:3 names node ext, which is never declared. Did you mean "exit"?\n  fix: write exit instead, or declare ext [label="..."]'],
    ['strat', 'strat -> a', 'p.dot:6:3: error[edge_target_exists]: Edge strat -> a at p.dot:6:3 names node strat, which is never declared. Did you mean "start"?\n  fix: write start instead, or declare strat [label="..."]'],
    ['deploy', 'a -> deploy', 'p.dot:6:3: error[edge_target_exists]: Edge a -> deploy at p.dot:6:3 names node deploy, which is never declared.\n  fix: declare it: deploy [label="..."]'],
  ])('issue 9: a misspelt node name (%s) in an edge gets a did-you-mean among the declared nodes', (_, edge, expected) => {
    expect(lintDot(pipelineDot(`a [label="A"]\n${edge}\nstart -> a -> exit`), rule)).toEqual([expected]);
  });
});
