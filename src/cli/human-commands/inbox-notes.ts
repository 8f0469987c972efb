import { listHumanTasks } from '../../services/human-tasks/list.js';
import { tenantOf } from '../../core/tenant-scope.js';
import type { CliHumanTaskContext } from './human-context.js';

export type InboxView = 'mine' | 'group' | 'all';

/** The line an empty inbox prints: whose tasks and which tenant were looked at, so an empty list explains itself. */
export function emptyInboxLine(view: InboxView, service: Pick<CliHumanTaskContext, 'scope' | 'actor'>, group: string | undefined): string {
  const tenant = tenantOf(service.scope);
  const whose = view === 'all' ? '' : view === 'group' ? ` for group ${group ?? ''}` : ` for you (${service.actor.id})`;
  return `No human tasks wait${whose} in tenant ${tenant}.`;
}

/**
 * Without a `people:` section (no orchestra.yaml found from here, or one without people) the
 * actor is a bare name in no group, so `inbox` (mine) silently leaves out every task assigned to a
 * group or to the user under another name. This says how many, and how to see them.
 */
export async function hiddenFromMineNote(service: CliHumanTaskContext, cwd: string): Promise<string | undefined> {
  if (service.people.configured) return undefined;
  const { tasks } = await listHumanTasks(service, { view: 'all', limit: 1000 });
  const hidden = tasks.filter((task) => task.assignee !== undefined && !(task.assignee.kind === 'user' && task.assignee.id === service.actor.id)).length;
  if (hidden === 0) return undefined;
  const where = service.configFile !== undefined ? `${service.configFile} has no people: section` : `no orchestra.yaml was found from ${cwd}`;
  const count = hidden === 1 ? '1 task assigned to another user or a group is' : `${hidden} tasks assigned to other users or groups are`;
  return `note: ${count} not listed: ${where}, so you are "${service.actor.id}" in no group. Run orchestra inbox in the project whose orchestra.yaml lists people:, or see every task with orchestra inbox --all.`;
}
