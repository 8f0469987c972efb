import { describe, expect, it } from 'vitest';
import type { TaskRow } from '../watch-source.js';
import { canAttach, STATUS_LABEL_WIDTH, statusStyle } from './status-style.js';

function row(status: TaskRow['status'], activity?: TaskRow['activity']): TaskRow {
  return { projectRoot: '/p', projectName: 'p', id: 1, slug: 's', status, activity, createdAt: '', updatedAt: '' };
}

describe('statusStyle', () => {
  it.each([
    ['draft', undefined, { label: 'draft', dim: true }],
    ['running', undefined, { label: 'running', color: 'green' }],
    ['idle', undefined, { label: 'idle', color: 'yellow' }],
    ['completed', undefined, { label: 'completed', color: 'blue' }],
    ['reviewed', undefined, { label: 'reviewed', color: 'gray' }],
    ['stopped', undefined, { label: 'stopped', color: 'red' }],
    ['failed', undefined, { label: 'failed', color: 'red' }],
    ['running', 'waiting', { label: 'needs input', color: 'magenta', bold: true }],
    ['idle', 'waiting', { label: 'needs input', color: 'magenta', bold: true }],
    ['completed', 'waiting', { label: 'needs input', color: 'magenta', bold: true }],
    ['running', 'idle', { label: 'idle', color: 'yellow' }],
    ['idle', 'working', { label: 'running', color: 'green' }],
    ['completed', 'working', { label: 'completed', color: 'blue' }],
  ] as const)('%s with activity %s is %j', (status, activity, expected) => {
    expect(statusStyle(row(status, activity))).toEqual(expected);
  });

  it('labels an unknown status from a newer daemon as it is', () => {
    expect(statusStyle(row('paused' as TaskRow['status']))).toEqual({ label: 'paused' });
  });

  it('fits every label in the status column', () => {
    expect(STATUS_LABEL_WIDTH).toBe('needs input'.length);
  });
});

describe('canAttach', () => {
  it.each([
    ['running', true],
    ['idle', true],
    ['draft', false],
    ['completed', false],
    ['reviewed', false],
    ['stopped', false],
    ['failed', false],
  ] as const)('%s: %s', (status, expected) => {
    expect(canAttach(row(status))).toBe(expected);
  });

  it('allows a completed task whose agent still runs (to give feedback)', () => {
    expect(canAttach(row('completed', 'idle'))).toBe(true);
  });
});
