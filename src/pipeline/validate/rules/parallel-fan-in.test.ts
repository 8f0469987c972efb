import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'parallel_fan_in';

describe('decision 6: parallel_fan_in', () => {
  it.each([
    ['branches meeting at one fan-in', 'fork [shape=component]\na [label="A"]\nb [label="B"]\njoin [shape=tripleoctagon]\nstart -> fork\nfork -> a -> join\nfork -> b -> join\njoin -> exit'],
    ['a branch with several steps', 'fork [shape=component]\na [label="A"]\na2 [label="A2"]\nb [label="B"]\njoin [shape=tripleoctagon]\nstart -> fork\nfork -> a -> a2 -> join\nfork -> b -> join\njoin -> exit'],
    [
      'a nested parallel inside a branch',
      'fork [shape=component]\ninner [shape=component]\nx [label="X"]\ny [label="Y"]\ninner_join [shape=tripleoctagon]\nb [label="B"]\njoin [shape=tripleoctagon]\nstart -> fork\nfork -> inner\ninner -> x -> inner_join\ninner -> y -> inner_join\ninner_join -> join\nfork -> b -> join\njoin -> exit',
    ],
  ])('does not fire for %s', (_, body) => {
    expect(lintDot(pipelineDot(body), rule)).toEqual([]);
  });

  it('decision 6: errors when a branch never reaches a fan-in', () => {
    const source = pipelineDot('fork [shape=component]\na [label="A"]\nb [label="B"]\njoin [shape=tripleoctagon]\nstart -> fork\nfork -> a -> join\nfork -> b -> exit\njoin -> exit');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:11:3: error[parallel_fan_in]: Branch fork -> b of parallel node fork never reaches a parallel.fan_in node, so the branch has no end.\n  fix: add an edge from the branch\'s last node to join',
    ]);
  });

  it('decision 6: errors when branches end at different fan-ins', () => {
    const source = pipelineDot('fork [shape=component]\na [label="A"]\nb [label="B"]\nj1 [shape=tripleoctagon]\nj2 [shape=tripleoctagon]\nstart -> fork\nfork -> a -> j1\nfork -> b -> j2\nj1 -> exit\nj2 -> exit');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:5:3: error[parallel_fan_in]: The branches of parallel node fork end at different fan-in nodes (a reaches j1; b reaches j2); they must all meet at one.\n  fix: route every branch to the same parallel.fan_in node',
    ]);
  });

  it('suggests adding a fan-in when there is none at all', () => {
    const source = pipelineDot('fork [shape=component]\na [label="A"]\nstart -> fork\nfork -> a -> exit');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:8:3: error[parallel_fan_in]: Branch fork -> a of parallel node fork never reaches a parallel.fan_in node, so the branch has no end.\n  fix: add a fan-in node, such as join [shape=tripleoctagon], and an edge from every branch to it',
    ]);
  });
});
