import { entryOf } from '../../config/index.js';
import { unknownPersonError } from '../../humans/people/person-errors.js';
import type { HumanTaskFilter, HumanTaskPage } from '../../store/human-task-types.js';
import type { HumanTaskServiceContext } from './context.js';
import { parseInput } from './parse-input.js';
import { listInput, type ListHumanTasksInput } from './schemas.js';

/**
 * The inbox: tasks still waiting (open or claimed, unless `status` says otherwise), overdue first.
 * `mine` is what the actor may answer without being an admin: assigned to them, to one of their
 * groups, or to nobody; `group` one group's; `all` the whole tenant's.
 */
export async function listHumanTasks(ctx: HumanTaskServiceContext, input: ListHumanTasksInput = {}): Promise<HumanTaskPage> {
  const parsed = parseInput(listInput, input, 'list human tasks');
  const filter: HumanTaskFilter = {
    status: parsed.status ?? ['open', 'claimed'],
    ...(parsed.limit !== undefined && { limit: parsed.limit }),
    ...(parsed.cursor !== undefined && { cursor: parsed.cursor }),
  };
  if (parsed.view === 'mine') filter.assignedTo = { users: [ctx.actor.id], groups: ctx.actor.groups, unassigned: true };
  if (parsed.view === 'group') {
    const group = parsed.group ?? '';
    if (entryOf(ctx.people.groups, group) === undefined) throw unknownPersonError('group', group, '--group', Object.keys(ctx.people.groups));
    filter.assignedTo = { groups: [group] };
  }
  return ctx.store.listHumanTasks(ctx.scope, filter);
}
