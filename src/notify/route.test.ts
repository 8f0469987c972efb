import { describe, expect, it } from 'vitest';
import type { RouteRule } from '../config/notifications-types.js';
import { route } from './route.js';
import { aNotice } from './testing/notice-fixture.case.js';

const rules: RouteRule[] = [
  { events: ['created', 'escalated'], groups: ['ops'], channels: ['slack-ops'] },
  { events: ['created', 'assigned'], channels: ['mail', 'inbox'] },
  { events: ['escalated'], groups: ['ops', 'oncall'], channels: ['pager', 'slack-ops'] },
  { events: ['completed'], channels: ['audit'] },
];

const toGroup = (id: string) => ({ kind: 'group' as const, id });
const toUser = (id: string) => ({ kind: 'user' as const, id });

describe('issue 10: route(notice, rules)', () => {
  it.each([
    ['created, assigned to ops: the ops rule and the all-groups rule', 'created', toGroup('ops'), ['slack-ops', 'mail', 'inbox']],
    ['created, assigned to another group: only rules without groups', 'created', toGroup('sales'), ['mail', 'inbox']],
    ['created, assigned to a user: group rules do not match', 'created', toUser('ana'), ['mail', 'inbox']],
    ['created, unassigned: group rules do not match', 'created', undefined, ['mail', 'inbox']],
    ['escalated to ops: two rules, slack-ops once, in rule order', 'escalated', toGroup('ops'), ['slack-ops', 'pager']],
    ['escalated to oncall', 'escalated', toGroup('oncall'), ['pager', 'slack-ops']],
    ['escalated to sales: nothing', 'escalated', toGroup('sales'), []],
    ['due soon: no rule lists it', 'due_soon', toGroup('ops'), []],
    ['completed', 'completed', toUser('ana'), ['audit']],
  ] as const)('%s', (_label, event, assignee, expected) => {
    const notice = aNotice({ event }, { assignee });
    if (assignee === undefined) delete notice.task.assignee;
    expect(route(notice, rules)).toEqual(expected);
  });

  it('issue 10: no rules, no channels', () => {
    expect(route(aNotice(), [])).toEqual([]);
  });
});
