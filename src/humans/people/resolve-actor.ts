import { entryOf, type ResolvedPeople } from '../../config/index.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { Actor } from '../tasks/actor.js';
import { unknownPersonError } from './person-errors.js';

/** Who the caller says they are, and where that came from (for the error when nobody knows them). */
export interface Identity {
  value: string;
  /** `ORCHESTRA_USER`, `git config user.email`, … */
  source: string;
}

/**
 * The acting person: the user of `people:` whose id or e-mail is the identity, with their groups
 * and admin flag. Without a `people:` section the identity acts as itself (no groups, not an
 * admin): enough for one person answering unassigned tasks on their own machine.
 */
export function resolveActor(people: ResolvedPeople, identity: Identity | undefined): Actor {
  if (!identity || identity.value.trim() === '') {
    throw new OrchestraError(ErrorCode.UNKNOWN_PERSON, 'cannot tell who you are: ORCHESTRA_USER is not set and git has no user.email', {
      hint: 'Set ORCHESTRA_USER to your user id in people.users (or run git config --global user.email YOU@EXAMPLE.COM).',
    });
  }
  const value = identity.value.trim();
  if (!people.configured) return { id: value, groups: [], admin: false };
  const lower = value.toLowerCase();
  const user = entryOf(people.users, value) ?? Object.values(people.users).find((candidate) => candidate.email?.toLowerCase() === lower);
  if (!user) throw unknownPersonError('user', value, identity.source, Object.keys(people.users));
  const groups = Object.entries(people.groups).filter(([, members]) => members.includes(user.id)).map(([group]) => group);
  return { id: user.id, groups, admin: people.admins.includes(user.id) };
}
