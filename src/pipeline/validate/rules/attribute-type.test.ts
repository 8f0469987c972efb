import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'attribute_type';

describe('attribute_type', () => {
  it.each([
    ['integers, quoted or not', 'a [label="A", max_retries=3]', 'start -> a -> exit [weight="2"]', 'default_max_retries="1"'],
    ['durations and whole seconds', 'a [label="A", timeout=15m, human.timeout="900"]', 'start -> a -> exit', ''],
    ['booleans in any case', 'a [label="A", goal_gate=TRUE, allow_partial="false"]', 'start -> a -> exit [loop_restart=false]', ''],
    ['enum values', 'a [label="A", join_policy=first_success, reasoning_effort=low]', 'start -> a -> exit', ''],
    ['display attributes whatever their value', 'a [label="A", fontsize="12pt"]', 'start -> a -> exit', ''],
  ])('does not fire for %s', (_, decl, edges, graphLine) => {
    expect(lintDot(pipelineDot(`${decl}\n${edges}`, graphLine), rule)).toEqual([]);
  });

  it.each([
    ['max_retries="lots"', 'Attribute "max_retries" of node a must be an integer, found "lots".\n  fix: Write a whole number, as in max_retries=3.'],
    ['timeout="soon"', 'Attribute "timeout" of node a must be a duration such as 250ms, 900s, 15m, 2h or 1d, found "soon".\n  fix: Write a number followed by ms, s, m, h or d, as in timeout=900s; a plain whole number means seconds.'],
    ['goal_gate=yes', 'Attribute "goal_gate" of node a must be true or false, found yes.\n  fix: Write true or false, as in goal_gate=true.'],
    ['max_retries=1.5', 'Attribute "max_retries" of node a must be an integer, found 1.5.\n  fix: Write a whole number, as in max_retries=3.'],
    ['reasoning_effort=extreme', 'Attribute "reasoning_effort" of node a must be one of low, medium, high, found extreme.\n  fix: Write one of low, medium, high, as in reasoning_effort=low.'],
    ['max_retries=-3', 'Attribute "max_retries" of node a must be 0 or more, found -3.\n  fix: max_retries=0'],
    ['max_visits=0', 'Attribute "max_visits" of node a must be 1 or more, found 0.\n  fix: max_visits=1'],
  ])('errors for %s', (attr, expected) => {
    expect(lintDot(pipelineDot(`a [label="A", ${attr}]\nstart -> a -> exit`), rule)).toEqual([`p.dot:5:17: error[attribute_type]: ${expected}`]);
  });

  it('checks edges and the graph too', () => {
    const source = pipelineDot('a [label="A"]\nstart -> a -> exit [weight=heavy]', 'default_max_retries=many');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:2:3: error[attribute_type]: Attribute "default_max_retries" of the graph must be an integer, found many.\n  fix: Write a whole number, as in default_max_retries=3.',
      'p.dot:6:23: error[attribute_type]: Attribute "weight" of edge start -> a must be an integer, found heavy.\n  fix: Write a whole number, as in weight=3.',
    ]);
  });

  it('leaves fidelity to fidelity_valid, which warns', () => {
    expect(lintDot(pipelineDot('a [label="A", fidelity="bogus"]\nstart -> a -> exit'), rule)).toEqual([]);
  });
});
