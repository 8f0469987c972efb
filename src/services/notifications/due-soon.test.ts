import { describe, expect, it } from 'vitest';
import type { ResolvedPeople } from '../../config/index.js';
import type { RouteRule } from '../../config/notifications-types.js';
import type { FormDefinition } from '../../store/human-task-types.js';
import type { Store } from '../../store/store.js';
import { authenticateLocal } from '../auth/local-scope.js';
import { escalationTimerHandlers } from '../human-tasks/escalation-handlers.js';
import { answerHumanTask, cancelHumanTask, createHumanTask, startSlaSweeper, type HumanTaskServiceContext } from '../human-tasks/index.js';
import { runDueTimers } from '../timers/run-due-timers.js';
import { createOutboxNotifier } from './outbox-notifier.js';
import { useTempStores } from './testing/temp-stores.js';

const t0 = 1_700_000_000_000;
const minute = 60_000;
const people: ResolvedPeople = { configured: true, users: { root: { id: 'root' } }, groups: {}, admins: ['root'] };
const form: FormDefinition = { decision: { type: 'select', required: true, options: [{ value: 'approve', label: 'Approve' }] } };
const rules: RouteRule[] = [{ events: ['due_soon'], channels: ['ops'] }];
const scope = authenticateLocal({ flag: 'default', env: {} });

const openStore = useTempStores('orchestra-due-soon-');

function context(store: Store, now: () => number, dueSoon?: { fraction: number } | { beforeMs: number }): HumanTaskServiceContext {
  const notices = createOutboxNotifier({ store, rules, people, now, ...(dueSoon && { dueSoon }) });
  return { store, scope, actor: { id: 'root', groups: [], admin: true }, people, now, notices };
}

const dueSoonLog = async (store: Store): Promise<string[]> => (await store.listDeliveries('default')).filter((d) => d.event === 'due_soon').map((d) => d.taskId).sort();

describe('due soon', () => {
  it('issue 10: sends due_soon once at 80% of the SLA, before the due time, and never for a task answered or cancelled', async () => {
    const store = await openStore();
    const ctx = context(store, () => t0);
    for (const id of ['open', 'answered', 'cancelled']) await createHumanTask(ctx, { id, title: id, form, sla: '10m' });
    await answerHumanTask(ctx, { id: 'answered', answer: { decision: 'approve' } });
    await cancelHumanTask(ctx, { id: 'cancelled' });
    const handlers = escalationTimerHandlers({ store, notifier: createOutboxNotifier({ store, rules, people, now: () => t0 + 8 * minute }) });
    const sweep = (at: number, owner: string) => runDueTimers({ store, clock: { now: () => at }, handlers, owner });
    expect((await sweep(t0 + 8 * minute - 1, 'p1')).claimed).toBe(0);
    expect(await sweep(t0 + 8 * minute, 'p1')).toMatchObject({ claimed: 3, fired: 3, failed: [] });
    await sweep(t0 + 9 * minute, 'p2');
    await sweep(t0 + 20 * minute, 'p3');
    expect(await dueSoonLog(store)).toEqual(['open']);
    const [delivery] = (await store.listDeliveries('default')).filter((d) => d.event === 'due_soon');
    expect(delivery).toMatchObject({ channel: 'ops', createdAt: t0 + 8 * minute });
    expect(delivery!.createdAt).toBeLessThan((await store.getHumanTask(scope, 'open'))!.dueAt!);
  });

  it('issue 10: `due_soon: 5m` sends it five minutes before the due time', async () => {
    const store = await openStore();
    await createHumanTask(context(store, () => t0, { beforeMs: 5 * minute }), { id: 'h1', title: 'T', form, sla: '30m' });
    expect(await store.listTimers(scope)).toMatchObject([{ id: 'due:h1', dueAt: t0 + 25 * minute }]);
  });

  it('issue 10: with a 3s SLA (due_soon: 50%) the running sweeper sends due_soon before the task is due, once', async () => {
    const store = await openStore();
    const ctx = context(store, Date.now, { fraction: 0.5 });
    const task = await createHumanTask(ctx, { id: 'h1', title: 'Quick', form, sla: '3s' });
    const sweeper = startSlaSweeper({ store, notifier: createOutboxNotifier({ store, rules, people }), intervalMs: 20 });
    try {
      const deadline = Date.now() + 10_000;
      while ((await dueSoonLog(store)).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const [delivery] = (await store.listDeliveries('default')).filter((d) => d.event === 'due_soon');
      expect(delivery?.createdAt).toBeGreaterThanOrEqual(task.createdAt + 1_500);
      expect(delivery?.createdAt).toBeLessThan(task.dueAt!);
    } finally {
      await sweeper.stop();
    }
    expect(await dueSoonLog(store)).toEqual(['h1']);
    expect((await store.getTimer(scope, 'due:h1'))?.firedAt).toBeDefined();
  });
});
