import { describe, expect, it } from 'vitest';
import { parseConfig } from './parse-config.js';

const file = '/work/project/orchestra.yaml';
const parse = (text: string) => parseConfig(text, file, {}, () => true);

describe('people: in orchestra.yaml', () => {
  it('issue 10: resolves users, groups and admins', () => {
    const config = parse(`people:
  users:
    ann: { name: Ann Lee, email: ann@example.com, slack_id: U012ABC }
    bob: { email: bob@example.com }
  groups:
    support-l1: [ann, bob]
  admins: [ann]
`);
    expect(config.people).toEqual({
      configured: true,
      users: { ann: { id: 'ann', name: 'Ann Lee', email: 'ann@example.com', slackId: 'U012ABC' }, bob: { id: 'bob', email: 'bob@example.com' } },
      groups: { 'support-l1': ['ann', 'bob'] },
      admins: ['ann'],
    });
    expect(parse('backend: simulation\n').people.configured).toBe(false);
  });

  it.each([
    ['an unknown group member', 'people:\n  users:\n    ann: {}\n  groups:\n    l1: [ann, carol]\n', 'people.groups.l1.1: unknown user "carol". Known: ann.', 5, 15],
    ['an unknown admin', 'people:\n  users:\n    ann: {}\n  admins: [anne]\n', 'people.admins.0: unknown user "anne". Did you mean "ann"? Known: ann.', 4, 12],
    ['a shared e-mail', 'people:\n  users:\n    ann: { email: a@x.io }\n    bob: { email: A@x.io }\n', 'people.users.bob.email: A@x.io is also the e-mail of ann.', 4, 19],
    ['an unknown key', 'people:\n  teams: {}\n', 'people.teams: unknown key. Allowed here: users, groups, admins.', 2, 3],
  ])('issue 10: names the field of %s, with its line and column', (_label, text, message, line, column) => {
    expect(() => parse(text)).toThrow(expect.objectContaining({ code: 'E_CONFIG', message, location: expect.objectContaining({ file, line, column }) }));
  });
});
