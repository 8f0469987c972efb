import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'retry_target_exists';

describe('retry_target_exists', () => {
  it('does not fire for targets that are declared nodes', () => {
    const source = pipelineDot('plan [label="P"]\nbuild [label="B", retry_target="plan", fallback_retry_target="start"]\nstart -> plan -> build -> exit', 'retry_target="plan"');
    expect(lintDot(source, rule)).toEqual([]);
  });

  it.each([
    [
      'a node target with a near miss',
      'build [label="B", retry_target="plann"]',
      '',
      ['p.dot:6:21: warning[retry_target_exists]: Node build has retry_target "plann", which is not a declared node. Did you mean "plan"?\n  fix: retry_target="plan"'],
    ],
    [
      'a fallback target that names nothing close',
      'build [label="B", fallback_retry_target="somewhere_else"]',
      '',
      ['p.dot:6:21: warning[retry_target_exists]: Node build has fallback_retry_target "somewhere_else", which is not a declared node.\n  fix: name a declared node, or declare it: somewhere_else [label="..."]'],
    ],
    [
      'a graph-level target',
      'build [label="B"]',
      'retry_target="bild"',
      ['p.dot:2:3: warning[retry_target_exists]: The graph has retry_target "bild", which is not a declared node. Did you mean "build"?\n  fix: retry_target="build"'],
    ],
  ])('warns for %s', (_, decl, graphLine, expected) => {
    const source = pipelineDot(`plan [label="P"]\n${decl}\nstart -> plan -> build -> exit`, graphLine);
    expect(lintDot(source, rule)).toEqual(expected);
  });
});
