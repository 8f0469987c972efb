import type { HumanTaskView, TaskStatus } from './human-task';

/*
 * The inbox's filters, kept in its address (`#/inbox?show=groups&status=claimed`): which tasks
 * (`show`) and in which state (`status`). `mine`, `me` and `groups` all ask the API for view=mine
 * (what I may answer: assigned to me, to one of my groups, or to nobody) and narrow it here: the
 * API knows my groups, the page need not.
 */

export const showChoices = [
  ['mine', 'for me, my groups or anyone'],
  ['me', 'assigned to me'],
  ['groups', 'assigned to my groups'],
  ['all', 'everyone’s (the whole tenant)'],
] as const;
export type Show = (typeof showChoices)[number][0];

export const statusChoices = [
  ['', 'waiting (open or claimed)'],
  ['open', 'open'],
  ['claimed', 'claimed'],
  ['completed', 'completed'],
  ['expired', 'expired'],
  ['cancelled', 'cancelled'],
] as const;

export interface InboxView {
  show: Show;
  status: TaskStatus | '';
  /** The project whose people: say who I am (my groups), else the daemon's config. */
  project: string;
}

export function viewOf(query: URLSearchParams): InboxView {
  const show = showChoices.find(([value]) => value === query.get('show'))?.[0] ?? 'mine';
  const status = statusChoices.find(([value]) => value === query.get('status'))?.[0] ?? '';
  return { show, status, project: query.get('project') ?? '' };
}

/** The humanTasks.list call of a view. */
export function listPath({ show, status, project }: InboxView): string {
  const params = new URLSearchParams({ view: show === 'all' ? 'all' : 'mine', limit: '500' });
  if (status !== '') params.set('status', status);
  if (project !== '') params.set('project', project);
  return `/human-tasks?${params.toString()}`;
}

/** Whether a task the API listed belongs in the view (`me`: a user assignee, necessarily me; `groups`: a group of mine). */
export function inView(show: Show, task: Pick<HumanTaskView, 'assignee'>): boolean {
  if (show === 'me') return task.assignee?.kind === 'user';
  if (show === 'groups') return task.assignee?.kind === 'group';
  return true;
}

/**
 * The store's order (due first, soonest first, so overdue on top; then the oldest), kept here too
 * so tasks added live land where a reload would put them.
 */
export function inboxOrder(a: HumanTaskView, b: HumanTaskView): number {
  if ((a.dueAt === undefined) !== (b.dueAt === undefined)) return a.dueAt === undefined ? 1 : -1;
  return (a.dueAt ?? 0) - (b.dueAt ?? 0) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
