import { describe, expect, it } from 'vitest';
import type { TaskRow } from '../watch-source.js';
import { headline } from './headline.js';

function rows(activities: Array<TaskRow['activity']>): TaskRow[] {
  return activities.map((activity, id) => ({ projectRoot: '/p', projectName: 'p', id, slug: 's', status: 'running', activity, createdAt: '', updatedAt: '' }));
}

describe('headline', () => {
  it.each<[Array<TaskRow['activity']>, string]>([
    [[], 'orchestra watch — 0 tasks, 0 need input'],
    [['working'], 'orchestra watch — 1 task, 0 need input'],
    [['waiting', 'idle', undefined], 'orchestra watch — 3 tasks, 1 needs input'],
    [['waiting', 'waiting'], 'orchestra watch — 2 tasks, 2 need input'],
  ])('%j', (activities, expected) => {
    expect(headline(rows(activities))).toBe(expected);
  });
});
