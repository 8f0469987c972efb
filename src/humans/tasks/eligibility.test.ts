import { describe, expect, it } from 'vitest';
import type { Assignee } from '../../store/human-task-types.js';
import type { Actor } from './actor.js';
import { eligibility } from './eligibility.js';

const ann: Actor = { id: 'ann', groups: ['support-l1'], admin: false };
const bob: Actor = { id: 'bob', groups: [], admin: false };
const root: Actor = { id: 'root', groups: [], admin: true };
const toAnn: Assignee = { kind: 'user', id: 'ann' };
const toL1: Assignee = { kind: 'group', id: 'support-l1' };
const toL2: Assignee = { kind: 'group', id: 'support-l2' };

describe('eligibility', () => {
  it.each<[string, Assignee | undefined, Actor, string | undefined]>([
    ['the assigned user', toAnn, ann, 'assignee'],
    ['another user', toAnn, bob, undefined],
    ['a member of the assigned group', toL1, ann, 'group-member'],
    ['a non-member', toL1, bob, undefined],
    ['a member of another group', toL2, ann, undefined],
    ['a user whose id is the group name', { kind: 'group', id: 'bob' }, bob, undefined],
    ['a group named like the user', { kind: 'user', id: 'support-l1' }, ann, undefined],
    ['an admin on a user task', toAnn, root, 'admin'],
    ['an admin on a group task', toL2, root, 'admin'],
    ['anyone when unassigned', undefined, bob, 'unassigned'],
  ])('issue 10: %s', (_label, assignee, actor, expected) => {
    expect(eligibility({ assignee }, actor)).toBe(expected);
  });
});
