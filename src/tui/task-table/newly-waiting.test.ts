import { describe, expect, it } from 'vitest';
import type { TaskRow } from '../watch-source.js';
import { activityByTask, newlyWaiting } from './newly-waiting.js';

function row(id: number, activity?: TaskRow['activity'], projectRoot = '/p'): TaskRow {
  return { projectRoot, projectName: 'p', id, slug: `t${id}`, status: 'running', activity, createdAt: '', updatedAt: '' };
}

describe('newlyWaiting', () => {
  it.each<[string, TaskRow[] | undefined, TaskRow[], number[]]>([
    ['first listing rings for nothing', undefined, [row(1, 'waiting')], []],
    ['working → waiting', [row(1, 'working')], [row(1, 'waiting')], [1]],
    ['idle → waiting', [row(1, 'idle')], [row(1, 'waiting')], [1]],
    ['no activity → waiting', [row(1)], [row(1, 'waiting')], [1]],
    ['a new task that already waits', [row(1)], [row(1), row(2, 'waiting')], [2]],
    ['still waiting rings once only', [row(1, 'waiting')], [row(1, 'waiting')], []],
    ['waiting → working', [row(1, 'waiting')], [row(1, 'working')], []],
    ['two at once', [row(1, 'working'), row(2, 'idle')], [row(1, 'waiting'), row(2, 'waiting')], [1, 2]],
  ])('%s', (_name, before, after, expected) => {
    const previous = before === undefined ? undefined : activityByTask(before);
    expect(newlyWaiting(previous, after).map((r) => r.id)).toEqual(expected);
  });

  it('tells tasks with one id in two projects apart', () => {
    const previous = activityByTask([row(1, 'waiting', '/a'), row(1, 'working', '/b')]);
    expect(newlyWaiting(previous, [row(1, 'waiting', '/a'), row(1, 'waiting', '/b')]).map((r) => r.projectRoot)).toEqual(['/b']);
  });
});
