import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedPeople } from '../../config/index.js';
import type { RouteRule } from '../../config/notifications-types.js';
import type { Actor } from '../../humans/tasks/actor.js';
import { parseNotice } from '../../notify/index.js';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store.js';
import type { Store } from '../../store/store.js';
import { authenticateLocal } from '../auth/local-scope.js';
import { answerHumanTask, claimHumanTask, createHumanTask, reassignHumanTask, type HumanTaskServiceContext } from '../human-tasks/index.js';
import { createOutboxNotifier } from './outbox-notifier.js';

const t0 = 1_700_000_000_000;
const people: ResolvedPeople = {
  configured: true,
  users: { ann: { id: 'ann', name: 'Ann', email: 'ann@example.com' }, cy: { id: 'cy' }, root: { id: 'root' } },
  groups: { 'support-l1': ['ann'], 'support-l2': ['cy'] },
  admins: ['root'],
};
const root: Actor = { id: 'root', groups: [], admin: true };
const form = { decision: { type: 'select', required: true, options: [{ value: 'approve', label: 'Approve' }] } };

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function setup(rules: RouteRule[]): Promise<{ store: Store; ctx: HumanTaskServiceContext; warnings: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'orchestra-notices-'));
  dirs.push(dir);
  const store = await openSqliteStore(join(dir, 'orchestra.db'));
  stores.push(store);
  const warnings: string[] = [];
  const notices = createOutboxNotifier({ store, rules, people, log: { warn: (message) => warnings.push(message) }, now: () => t0 });
  return { store, ctx: { store, scope: authenticateLocal({ flag: 'default', env: {} }), actor: root, people, now: () => t0, notices }, warnings };
}

const summary = async (store: Store): Promise<string[]> => (await store.listDeliveries('default')).map((d) => `${d.event}→${d.channel}`).sort();

describe('outbox notifier', () => {
  it('issue 10: creating a task for a routed group enqueues one delivery per channel; answering enqueues completed', async () => {
    const { store, ctx } = await setup([
      { events: ['created'], groups: ['support-l1'], channels: ['ops', 'inbox'] },
      { events: ['created'], groups: ['support-l2'], channels: ['l2'] },
      { events: ['completed'], channels: ['ops'] },
    ]);
    const task = await createHumanTask(ctx, { title: 'Approve release', form, assignee: 'group:support-l1' });
    expect(await summary(store)).toEqual(['created→inbox', 'created→ops']);
    const [delivery] = await store.listDeliveries('default');
    expect(parseNotice(delivery?.payload)).toMatchObject({
      event: 'created', tenant: 'default', task: { id: task.id, assignee: { kind: 'group', id: 'support-l1' }, form: [{ name: 'decision', type: 'select', required: true }] },
      recipients: { users: [{ id: 'ann', name: 'Ann', email: 'ann@example.com' }] }, answerHint: `orchestra answer ${task.id}`,
    });
    await answerHumanTask(ctx, { id: task.id, answer: { decision: 'approve' } });
    expect(await summary(store)).toEqual(['completed→ops', 'created→inbox', 'created→ops']);
  });

  it('issue 10: no rule for the event or group enqueues nothing', async () => {
    const { store, ctx } = await setup([{ events: ['created'], groups: ['support-l2'], channels: ['l2'] }, { events: ['escalated'], channels: ['ops'] }]);
    const task = await createHumanTask(ctx, { title: 'T', form, assignee: 'group:support-l1' });
    await answerHumanTask(ctx, { id: task.id, answer: { decision: 'approve' } });
    expect(await summary(store)).toEqual([]);
  });

  it('issue 10: reassigning enqueues assigned, routed by the new group; claiming enqueues assigned too', async () => {
    const { store, ctx } = await setup([{ events: ['assigned'], groups: ['support-l2'], channels: ['l2'] }]);
    const task = await createHumanTask(ctx, { title: 'T', form, assignee: 'group:support-l1' });
    await reassignHumanTask(ctx, { id: task.id, to: 'group:support-l2' });
    expect(await summary(store)).toEqual(['assigned→l2']);
    await claimHumanTask({ ...ctx, actor: { id: 'cy', groups: ['support-l2'], admin: false } }, { id: task.id });
    expect(await summary(store)).toEqual(['assigned→l2', 'assigned→l2']);
  });

  it('issue 10: a failing outbox is logged and the change still stands', async () => {
    const { store, ctx, warnings } = await setup([{ events: ['created'], channels: ['ops'] }]);
    const broken = createOutboxNotifier({ store: { ...store, enqueueDelivery: () => Promise.reject(new Error('disk full')) }, rules: [{ events: ['created'], channels: ['ops'] }], log: { warn: (message) => warnings.push(message) } });
    const task = await createHumanTask({ ...ctx, notices: broken }, { title: 'T', form });
    expect(await store.getHumanTask(ctx.scope, task.id)).toMatchObject({ status: 'open' });
    expect(warnings).toEqual(['could not enqueue a human-task notice']);
  });

  it('issue 10: an escalation handed over twice with the same key is stored once, to the step channel and the routed ones', async () => {
    const { store, ctx } = await setup([{ events: ['escalated'], channels: ['ops'] }, { events: ['due_soon'], channels: ['inbox'] }]);
    const notifier = createOutboxNotifier({ store, rules: [{ events: ['escalated'], channels: ['ops'] }, { events: ['due_soon'], channels: ['inbox'] }], now: () => t0 });
    const task = await createHumanTask({ ...ctx, notices: undefined }, { title: 'T', form });
    for (let i = 0; i < 2; i++) await notifier.notify({ event: 'escalated', task, channels: ['pager'], step: 0, key: 'default:timer-1' });
    await notifier.notify({ event: 'reminder', task, step: 0, key: 'default:timer-2' });
    expect(await summary(store)).toEqual(['due_soon→inbox', 'escalated→ops', 'escalated→pager']);
    expect((await store.listDeliveries('default')).map((d) => d.id).sort()).toEqual(['default:timer-1:ops', 'default:timer-1:pager', 'default:timer-2:inbox']);
  });

  it("issue 10: the first CLI to announce a task pins its routing; the daemon's notifier and a CLI elsewhere route by it, with each channel's target", async () => {
    const { store, ctx } = await setup([]);
    const hook = { name: 'hook', type: 'webhook' as const, urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' };
    const project = createOutboxNotifier({ store, rules: [{ events: ['created', 'escalated'], channels: ['hook'] }], channels: { hook }, people, pinRouting: true, now: () => t0 });
    const task = await createHumanTask({ ...ctx, notices: project }, { title: 'T', form, assignee: 'group:support-l1' });
    const daemon = createOutboxNotifier({ store, rules: [{ events: ['escalated'], channels: ['home-only'] }], now: () => t0 });
    await daemon.notify({ event: 'escalated', task, step: 0, key: 'default:esc' });
    const elsewhere = createOutboxNotifier({ store, rules: [], pinRouting: true, now: () => t0 });
    await elsewhere.announce(task, 'escalated');
    const deliveries = await store.listDeliveries('default');
    expect(deliveries.map((d) => `${d.event}→${d.channel}`).sort()).toEqual(['created→hook', 'escalated→hook', 'escalated→hook']);
    expect(deliveries.every((d) => JSON.stringify(d.target) === JSON.stringify(hook))).toBe(true);
    // The recipients come from the pinned people too (the daemon's notifier has none).
    expect(parseNotice(deliveries.find((d) => d.id === 'default:esc:hook')?.payload).recipients?.users.map((u) => u.email)).toEqual(['ann@example.com']);
  });

  it('issue 10: a stored routing that is not valid is logged and this notifier routes by its own config', async () => {
    const { store, ctx } = await setup([]);
    const task = await createHumanTask(ctx, { title: 'T', form });
    await store.pinNoticeRouting('default', task.id, { routes: 'everything' }, t0);
    const warnings: string[] = [];
    const daemon = createOutboxNotifier({ store, rules: [{ events: ['escalated'], channels: ['ops'] }], log: { warn: (message) => warnings.push(message) }, now: () => t0 });
    await daemon.notify({ event: 'escalated', task, step: 0, key: 'default:esc' });
    expect(await summary(store)).toEqual(['escalated→ops']);
    expect(warnings).toEqual(['the notice routing stored with a task is not valid; routing by this process config']);
  });
});
