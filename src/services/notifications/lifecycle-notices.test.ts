import { describe, expect, it } from 'vitest';
import type { ResolvedPeople } from '../../config/index.js';
import type { RouteRule } from '../../config/notifications-types.js';
import { parseNotice } from '../../notify/index.js';
import type { FormDefinition } from '../../store/human-task-types.js';
import type { Store } from '../../store/store.js';
import { authenticateLocal } from '../auth/local-scope.js';
import { createGateTasks } from '../gates/gate-tasks.js';
import { escalationTimerHandlers } from '../human-tasks/escalation-handlers.js';
import { cancelHumanTask, createHumanTask, type HumanTaskServiceContext } from '../human-tasks/index.js';
import { runDueTimers } from '../timers/run-due-timers.js';
import { createOutboxNotifier } from './outbox-notifier.js';
import { useTempStores } from './testing/temp-stores.js';

/* Notices for what the lifecycle does besides create/assign/answer: cancelling, escalating. */

const t0 = 1_700_000_000_000;
const minute = 60_000;
const people: ResolvedPeople = { configured: true, users: { root: { id: 'root' }, ann: { id: 'ann' } }, groups: { l1: ['ann'], l2: ['ann'] }, admins: ['root'] };
const form: FormDefinition = { decision: { type: 'select', required: true, options: [{ value: 'approve', label: 'Approve' }] } };
const rules: RouteRule[] = [{ events: ['escalated', 'cancelled', 'completed'], channels: ['ops'] }];
const scope = authenticateLocal({ flag: 'default', env: {} });

const openStore = useTempStores('orchestra-lifecycle-');

async function setup(): Promise<{ store: Store; ctx: HumanTaskServiceContext; sweep(at: number): Promise<unknown> }> {
  const store = await openStore();
  const notices = createOutboxNotifier({ store, rules, people, now: () => t0 });
  const handlers = escalationTimerHandlers({ store, notifier: notices });
  const sweep = (at: number) => runDueTimers({ store, clock: { now: () => at }, handlers, owner: 'sweeper' });
  return { store, ctx: { store, scope, actor: { id: 'root', groups: [], admin: true }, people, now: () => t0, notices }, sweep };
}

const log = async (store: Store): Promise<string[]> => (await store.listDeliveries('default')).map((d) => `${d.event}→${d.channel}`).sort();

describe('lifecycle notices', () => {
  it('issue 10: cancelling a task enqueues a cancelled notice, routed by the rules', async () => {
    const { store, ctx } = await setup();
    const task = await createHumanTask(ctx, { title: 'Approve', form, assignee: 'group:l1' });
    await cancelHumanTask(ctx, { id: task.id, reason: 'release dropped' });
    expect(await log(store)).toEqual(['cancelled→ops']);
    const [delivery] = await store.listDeliveries('default');
    expect(parseNotice(delivery?.payload)).toMatchObject({ event: 'cancelled', task: { id: task.id, status: 'cancelled' } });
  });

  it("issue 10: withdrawing a gate's task enqueues cancelled; withdrawing an answered one enqueues nothing", async () => {
    const { store, ctx } = await setup();
    const gates = createGateTasks({ ...ctx, actor: () => ctx.actor, pollMs: 10 });
    const request = { runId: 'r1', nodeId: 'approve', title: 'Approve', description: '', form, context: {} };
    await gates.open({ ...request, id: 'gate-1' });
    expect((await gates.withdraw('gate-1', 'answered at the terminal')).status).toBe('cancelled');
    expect(await log(store)).toEqual(['cancelled→ops']);
    await gates.open({ ...request, id: 'gate-2' });
    await gates.answerHere('gate-2', { decision: 'approve' });
    expect((await gates.withdraw('gate-2', 'late')).status).toBe('completed');
    expect(await log(store)).toEqual(['cancelled→ops', 'completed→ops']);
  });

  it('issue 10: an escalation step that only raises the priority or reassigns still enqueues escalated, once', async () => {
    const { store, ctx, sweep } = await setup();
    const escalation = [{ after: '10m', priority: 'urgent' }, { after: '20m', reassign: 'group:l2' }];
    await createHumanTask(ctx, { id: 'h1', title: 'Approve', form, assignee: 'group:l1', sla: '10m', escalation });
    await sweep(t0 + 11 * minute);
    await sweep(t0 + 12 * minute);
    expect(await log(store)).toEqual(['escalated→ops']);
    await sweep(t0 + 21 * minute);
    expect(await log(store)).toEqual(['escalated→ops', 'escalated→ops']);
    expect((await store.getHumanTask(scope, 'h1'))).toMatchObject({ priority: 'urgent', assignee: { id: 'l2' } });
  });

  it("issue 10: an escalation's final cancel enqueues cancelled besides escalated; a default answer enqueues completed", async () => {
    const { store, ctx, sweep } = await setup();
    await createHumanTask(ctx, { id: 'h1', title: 'Approve', form, sla: '10m', escalation: [{ after: '10m', cancel: true }] });
    await createHumanTask(ctx, { id: 'h2', title: 'Approve', form, sla: '10m', escalation: [{ after: '10m', answer: { decision: 'approve' } }] });
    await sweep(t0 + 11 * minute);
    expect((await store.listDeliveries('default')).map((d) => `${d.taskId}:${d.event}`).sort()).toEqual(['h1:cancelled', 'h1:escalated', 'h2:completed', 'h2:escalated']);
    expect(await store.getHumanTask(scope, 'h1')).toMatchObject({ status: 'cancelled' });
  });
});
