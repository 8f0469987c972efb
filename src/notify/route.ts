import type { RouteRule } from '../config/notifications-types.js';
import type { HumanTaskNotice } from './notice.js';

/**
 * The channels a notice goes to, in rule order without repeats: every rule that lists the
 * notice's event and, when it names groups, whose groups include the group the task is assigned to.
 */
export function route(notice: Pick<HumanTaskNotice, 'event' | 'task'>, rules: readonly RouteRule[]): string[] {
  const channels = new Set<string>();
  const assignee = notice.task.assignee;
  const group = assignee?.kind === 'group' ? assignee.id : undefined;
  for (const rule of rules) {
    if (!rule.events.includes(notice.event)) continue;
    if (rule.groups !== undefined && (group === undefined || !rule.groups.includes(group))) continue;
    for (const channel of rule.channels) channels.add(channel);
  }
  return [...channels];
}
