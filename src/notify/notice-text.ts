import type { HumanTaskNotice } from './notice.js';

/** The words every channel uses for a notice, so Slack, e-mail and webhooks say the same thing. */

const headlines: Record<HumanTaskNotice['event'], string> = {
  created: 'New task',
  assigned: 'Task assigned',
  escalated: 'Task escalated',
  due_soon: 'Task due soon',
  completed: 'Task completed',
  cancelled: 'Task cancelled',
};

export function headlineOf(notice: HumanTaskNotice): string {
  return `${headlines[notice.event]}: ${notice.task.title}`;
}

export function assigneeText(notice: HumanTaskNotice): string {
  const assignee = notice.task.assignee;
  return assignee ? `${assignee.kind} ${assignee.id}` : 'anyone';
}

/** UTC, to the minute: the sender's time zone is not the reader's. */
export function formatDue(ms: number | undefined): string {
  if (ms === undefined) return 'no due time';
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** One line per form field: `Decision (decision): select, required`. */
export function formLines(notice: HumanTaskNotice): string[] {
  return notice.task.form.map((field) => `${field.label} (${field.name}): ${field.type}${field.required ? ', required' : ''}`);
}

/** The facts every message lists, in order. */
export function factsOf(notice: HumanTaskNotice): Array<[string, string]> {
  return [
    ['Task', notice.task.id],
    ['Priority', notice.task.priority],
    ['Status', notice.task.status],
    ['Due', formatDue(notice.task.dueAt)],
    ['Assignee', assigneeText(notice)],
    ['Created by', notice.task.createdBy],
  ];
}

/** Text cut to `max` characters with an ellipsis (Slack limits blocks, subjects should be short). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
