import { describe, expect, it } from 'vitest';
import type { HumanTaskView } from './human-task';
import { inboxOrder, inView, listPath, viewOf } from './inbox-view';

const task = (id: string, createdAt: number, dueAt?: number) => ({ id, createdAt, ...(dueAt !== undefined && { dueAt }) }) as HumanTaskView;

describe('issue 15: the inbox filters and order', () => {
  it.each<[string, string]>([
    ['', '/human-tasks?view=mine&limit=500'],
    ['show=groups&status=claimed', '/human-tasks?view=mine&limit=500&status=claimed'],
    ['show=all&project=%2Fsrc%2Fshop', '/human-tasks?view=all&limit=500&project=%2Fsrc%2Fshop'],
    ['show=nonsense&status=nonsense', '/human-tasks?view=mine&limit=500'],
  ])('issue 15: the address query %j lists %s', (query, path) => {
    expect(listPath(viewOf(new URLSearchParams(query)))).toBe(path);
  });

  it.each<[Parameters<typeof inView>[0], HumanTaskView['assignee'], boolean]>([
    ['mine', undefined, true],
    ['me', { kind: 'user', id: 'ann' }, true],
    ['me', { kind: 'group', id: 'ops' }, false],
    ['me', undefined, false],
    ['groups', { kind: 'group', id: 'ops' }, true],
    ['groups', undefined, false],
    ['all', { kind: 'user', id: 'bob' }, true],
  ])('issue 15: show=%s keeps a task assigned to %j: %s', (show, assignee, kept) => {
    expect(inView(show, assignee === undefined ? {} : { assignee })).toBe(kept);
  });

  it('issue 15: overdue and soonest due first, then tasks without a due time, oldest first', () => {
    const tasks = [task('old', 1), task('b', 5, 900), task('a', 9, 100), task('c', 2), task('d', 2, 100)];
    expect(tasks.sort(inboxOrder).map((t) => t.id)).toEqual(['d', 'a', 'b', 'old', 'c']);
  });
});
