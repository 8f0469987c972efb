import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'retry_edge_unreachable';

describe('decision 2: retry_edge_unreachable', () => {
  it.each(['outcome=fail', 'outcome!=retry', 'context.outcome=retry', 'outcome="retry now"', 'outcome=retry ||'])(
    'does not fire for %j',
    (condition) => {
      const source = pipelineDot(`a [label="A"]\nstart -> a -> exit\na -> a [condition=${JSON.stringify(condition)}]`);
      expect(lintDot(source, rule)).toEqual([]);
    },
  );

  it.each(['outcome=retry', 'context.x=1 && outcome=retry'])('decision 2: warns for %j, which can never hold', (condition) => {
    const source = pipelineDot(`a [label="A"]\nstart -> a -> exit\na -> a [condition=${JSON.stringify(condition)}]`);
    expect(lintDot(source, rule)).toEqual([
      `p.dot:7:11: warning[retry_edge_unreachable]: Edge a -> a has condition "${condition}", which never holds: a RETRY outcome is retried in place and becomes FAIL when the retries run out.\n  fix: route on outcome=fail instead, and set max_retries on the node for the retries`,
    ]);
  });
});
