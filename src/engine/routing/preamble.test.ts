import { describe, expect, it } from 'vitest';
import type { OutcomeSummary } from '../../store/types.js';
import { compactStageLimit, renderPreamble } from './preamble.js';

const outcomes: Record<string, OutcomeSummary> = {
  plan: { status: 'success', notes: 'Stage completed: plan' },
  test: { status: 'fail', failureReason: '2 tests failed', notes: 'ignored when failing' },
};
const context = { 'graph.goal': 'ship', 'internal.retry_count.test': 1, outcome: 'fail', current_node: 'x', tests_passed: false, last_stage: 'test', empty: '', nested: { a: 1 } };

describe('decision 17: renderPreamble', () => {
  it('full has no preamble', () => {
    expect(renderPreamble('full', ['plan'], outcomes, context, 'ship', 'r1')).toBe('');
  });

  it('truncate names only goal and run', () => {
    expect(renderPreamble('truncate', ['plan', 'test'], outcomes, context, 'ship', 'r1')).toBe('Goal: ship\nRun: r1');
    expect(renderPreamble('truncate', [], {}, {}, '', 'r1')).toBe('Goal: (none)\nRun: r1');
  });

  it('compact lists stages in latest-run order with outcomes, and plain context values', () => {
    expect(renderPreamble('compact', ['plan', 'test', 'plan', 'skip'], outcomes, context, 'ship', 'r1')).toBe(
      [
        'Goal: ship',
        'Run: r1',
        'Completed stages:',
        '- test: fail (2 tests failed)',
        '- plan: success (Stage completed: plan)',
        '- skip: skipped',
        'Context:',
        '- tests_passed: false',
        '- last_stage: test',
      ].join('\n'),
    );
  });

  it('compact with nothing completed says so', () => {
    expect(renderPreamble('compact', [], {}, {}, 'g', 'r')).toBe('Goal: g\nRun: r\nCompleted stages:\n- (none yet)');
  });

  it.each([
    ['summary:low', 600 * 4],
    ['summary:medium', 1_500 * 4],
    ['summary:high', 3_000 * 4],
  ] as const)('%s fits %d characters, dropping context first, then the oldest stages', (mode, budget) => {
    const ids = Array.from({ length: 400 }, (_, index) => `stage_${String(index).padStart(3, '0')}`);
    const many = Object.fromEntries(ids.map((id) => [id, { status: 'success', notes: 'x'.repeat(20) } as OutcomeSummary]));
    const text = renderPreamble(mode, ids, many, { note: 'y'.repeat(100) }, 'ship', 'r1');
    expect(text.length).toBeLessThanOrEqual(budget);
    expect(text.length).toBeGreaterThan(budget - 100);
    expect(text).toContain('- stage_399: success');
    expect(text).not.toContain('- stage_000:');
    expect(text).toMatch(/- \(\d+ earlier stages omitted\)/);
    expect(text).not.toContain('Context:');
  });

  it('summary keeps everything when it fits', () => {
    expect(renderPreamble('summary:low', ['plan'], outcomes, { k: 'v' }, 'g', 'r')).toBe(
      'Goal: g\nRun: r\nCompleted stages:\n- plan: success (Stage completed: plan)\nContext:\n- k: v',
    );
  });

  it('long values are clipped to one line', () => {
    const text = renderPreamble('compact', [], {}, { long: `a\n${'b'.repeat(300)}` }, 'g', 'r');
    const line = text.split('\n').find((l) => l.startsWith('- long:'))!;
    expect(line.length).toBe('- long: '.length + 200);
    expect(line.endsWith('…')).toBe(true);
  });
});

describe('issue 9: the compact preamble does not grow with the run', () => {
  it(`lists the latest ${compactStageLimit} stages and counts the earlier ones`, () => {
    const ids = Array.from({ length: 5_000 }, (_, index) => `n${index}`);
    const text = renderPreamble('compact', ids, {}, {}, 'g', 'r');
    expect(text).toContain(`- (${5_000 - compactStageLimit} earlier stages omitted)`);
    expect(text).toContain('- n4999: skipped');
    expect(text).not.toContain(`- n${4_999 - compactStageLimit}:`);
    expect(text.split('\n').filter((line) => / n\d+: /.test(line))).toHaveLength(compactStageLimit);
  });
});
