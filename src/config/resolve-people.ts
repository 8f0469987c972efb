import { didYouMean } from '../core/closest-name.js';
import { configError } from './config-issues.js';
import type { RawPeople } from './people-schema.js';
import { noPeople, type ResolvedPeople, type ResolvedUser } from './people-types.js';
import type { YamlSource } from './yaml-locate.js';

const hint = 'List every user under people.users (docs/human-tasks.md#people).';

/** Checks that group members and admins are users and that no two users share an e-mail. */
export function resolvePeople(raw: RawPeople | undefined, source: YamlSource | undefined): ResolvedPeople {
  if (raw === undefined) return noPeople;
  const users: Record<string, ResolvedUser> = {};
  const emails = new Map<string, string>();
  for (const [id, user] of Object.entries(raw.users ?? {})) {
    const email = user.email?.toLowerCase();
    if (email !== undefined && emails.has(email)) fail(source, ['people', 'users', id, 'email'], `people.users.${id}.email: ${user.email} is also the e-mail of ${emails.get(email)}.`, 'Each user needs an e-mail of their own: it maps git user.email to a user.');
    if (email !== undefined) emails.set(email, id);
    users[id] = { id, ...(user.name !== undefined && { name: user.name }), ...(user.email !== undefined && { email: user.email }), ...(user.slack_id !== undefined && { slackId: user.slack_id }) };
  }
  const known = Object.keys(users);
  const requireUser = (path: (string | number)[], id: string) => {
    if (!Object.hasOwn(users, id)) fail(source, path, `${path.map(String).join('.')}: unknown user "${id}".${didYouMean(id, known)} Known: ${known.join(', ') || '(none)'}.`, hint);
  };
  for (const [group, members] of Object.entries(raw.groups ?? {})) members.forEach((member, index) => requireUser(['people', 'groups', group, index], member));
  (raw.admins ?? []).forEach((admin, index) => requireUser(['people', 'admins', index], admin));
  return { configured: true, users, groups: { ...(raw.groups ?? {}) }, admins: [...(raw.admins ?? [])] };
}

function fail(source: YamlSource | undefined, path: (string | number)[], message: string, fix: string): never {
  if (!source) throw new Error(`unreachable without a file: ${message}`);
  throw configError(source, path, message, fix);
}
