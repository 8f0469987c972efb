import { describe, expect, it } from 'vitest';
import { reportSummary } from './guided-report';

describe('issue 15: a guided step report in one line', () => {
  it.each([
    ['status and result', { step_id: 'PLAN', status: 'success', result: 'found the tests' }, 'success: found the tests'],
    ['status only', { step_id: 'PLAN', status: 'failure' }, 'failure'],
    ['a structured result', { step_id: 'PLAN', status: 'success', result: { files: 2 } }, 'success: {"files":2}'],
    ['other fields after them', { step_id: 'PLAN', status: 'success', result: 'ok', notes: 'n' }, 'success: ok: {"notes":"n"}'],
    ['not an object', 'done', '"done"'],
  ])('%s', (_name, report, expected) => {
    expect(reportSummary(report)).toBe(expected);
  });

  it('cuts a long result at max with an ellipsis', () => {
    const summary = reportSummary({ step_id: 'S', status: 'success', result: 'x'.repeat(300) }, 20);
    expect(summary).toHaveLength(20);
    expect(summary.endsWith('…')).toBe(true);
  });
});
