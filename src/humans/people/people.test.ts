import { describe, expect, it } from 'vitest';
import { noPeople, type ResolvedPeople } from '../../config/index.js';
import { resolveActor } from './resolve-actor.js';
import { resolveAssignee } from './resolve-assignee.js';

const people: ResolvedPeople = {
  configured: true,
  users: { ann: { id: 'ann', email: 'Ann@Example.com' }, bob: { id: 'bob' }, root: { id: 'root' } },
  groups: { 'support-l1': ['ann', 'bob'], 'support-l2': ['bob'] },
  admins: ['root'],
};

describe('resolveActor', () => {
  it.each([
    ['a user id', 'bob', { id: 'bob', groups: ['support-l1', 'support-l2'], admin: false }],
    ['an e-mail, any case', 'ann@example.COM', { id: 'ann', groups: ['support-l1'], admin: false }],
    ['an admin', 'root', { id: 'root', groups: [], admin: true }],
  ])('issue 10: finds %s', (_label, value, expected) => {
    expect(resolveActor(people, { value, source: 'ORCHESTRA_USER' })).toEqual(expected);
  });

  it('issue 10: acts as the bare identity when no people are configured', () => {
    expect(resolveActor(noPeople, { value: 'me@host.dev', source: 'git config user.email' })).toEqual({ id: 'me@host.dev', groups: [], admin: false });
  });

  it('issue 10: names the source of an unknown identity, and says when there is none', () => {
    expect(() => resolveActor(people, { value: 'carol', source: 'ORCHESTRA_USER' })).toThrow(
      expect.objectContaining({ code: 'E_UNKNOWN_PERSON', message: 'ORCHESTRA_USER: unknown user "carol". Known users: ann, bob, root.' }),
    );
    expect(() => resolveActor(people, undefined)).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_PERSON', message: 'cannot tell who you are: ORCHESTRA_USER is not set and git has no user.email' }));
  });
});

describe('resolveAssignee', () => {
  it.each([
    ['user:ann', { kind: 'user', id: 'ann' }],
    ['group:support-l2', { kind: 'group', id: 'support-l2' }],
  ])('issue 10: resolves %s', (text, expected) => {
    expect(resolveAssignee(people, text, '--to')).toEqual(expected);
  });

  it.each([
    ['group:support-l3', 'E_UNKNOWN_PERSON', '--to: unknown group "support-l3". Did you mean "support-l1"? Known groups: support-l1, support-l2.'],
    ['user:support-l1', 'E_UNKNOWN_PERSON', '--to: unknown user "support-l1". Known users: ann, bob, root.'],
    ['support-l1', 'E_USAGE', '--to: expected user:ID or group:ID, got "support-l1"'],
  ])('issue 10: refuses %s', (text, code, message) => {
    expect(() => resolveAssignee(people, text, '--to')).toThrow(expect.objectContaining({ code, message }));
  });

  it('issue 10: nobody can be assigned without people:', () => {
    expect(() => resolveAssignee(noPeople, 'user:ann', 'assignee')).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_PERSON', message: 'assignee: unknown user "ann". Known users: (none).' }));
  });
});
