import { entryOf, type ResolvedPeople } from '../../config/index.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { Assignee } from '../../store/human-task-types.js';
import { unknownPersonError } from './person-errors.js';

/**
 * `user:ann` / `group:support-l1` (or the object form) → an Assignee that `people:` knows, else
 * E_UNKNOWN_PERSON naming `field`. Without a `people:` section nobody can be assigned: there is
 * nobody to check the name against, and a typo would leave the task waiting for no one.
 */
export function resolveAssignee(people: ResolvedPeople, value: string | Assignee, field: string): Assignee {
  const assignee = typeof value === 'string' ? parseAssignee(value, field) : value;
  const known = assignee.kind === 'user' ? Object.keys(people.users) : Object.keys(people.groups);
  const exists = assignee.kind === 'user' ? entryOf(people.users, assignee.id) !== undefined : entryOf(people.groups, assignee.id) !== undefined;
  if (!exists) throw unknownPersonError(assignee.kind, assignee.id, field, known);
  return { kind: assignee.kind, id: assignee.id };
}

export function parseAssignee(text: string, field: string): Assignee {
  const match = /^(user|group):(.+)$/.exec(text.trim());
  if (!match) {
    throw new OrchestraError(ErrorCode.USAGE, `${field}: expected user:ID or group:ID, got ${JSON.stringify(text)}`, {
      hint: 'For example --to group:support-l1 or --to user:ann.',
    });
  }
  return { kind: match[1] as Assignee['kind'], id: match[2] as string };
}
