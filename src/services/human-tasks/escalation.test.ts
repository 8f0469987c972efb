import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedPeople } from '../../config/index.js';
import { createMemoryStore } from '../../store/memory/memory-store.js';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store.js';
import type { Store } from '../../store/store.js';
import { authenticateLocal } from '../auth/local-scope.js';
import { runDueTimers } from '../timers/run-due-timers.js';
import type { HumanTaskServiceContext } from './context.js';
import { escalationTimerHandlers } from './escalation-handlers.js';
import { answerHumanTask, createHumanTask } from './index.js';
import { createRecordingNotifier } from './testing/recording-notifier.js';

const t0 = 1_700_000_000_000;
const minute = 60_000;
const people: ResolvedPeople = { configured: true, users: { ann: { id: 'ann' }, cy: { id: 'cy' }, root: { id: 'root' } }, groups: { l1: ['ann'], l2: ['cy'] }, admins: ['root'] };
const form = { decision: { type: 'select', required: true, options: [{ value: 'approve', label: 'Approve' }, { value: 'reject', label: 'Reject' }] } };
const escalation = [
  { after: '30m', notify: 'slack', reassign: 'group:l2', priority: 'high' },
  { after: '45m', remind: { every: '10m' } },
  { after: '2h', answer: { decision: 'reject' } },
];

function ctx(store: Store, who: string, now: number): HumanTaskServiceContext {
  return { store, scope: authenticateLocal({ flag: 'default', env: {} }), actor: { id: who, groups: who === 'cy' ? ['l2'] : ['l1'], admin: who === 'root' }, people, now: () => now };
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const stores: Array<[string, () => Promise<Store>]> = [
  ['memory', async () => createMemoryStore()],
  ['sqlite', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orchestra-sla-'));
    dirs.push(dir);
    return openSqliteStore(join(dir, 'orchestra.db'));
  }],
];

describe.each(stores)('SLA escalation through the sweeper (%s)', (_name, open) => {
  it('issue 10: walks the chain once each step: reassign, remind every 10m, then the default answer', async () => {
    const store = await open();
    const notifier = createRecordingNotifier();
    const handlers = escalationTimerHandlers({ store, notifier });
    const sweep = (at: number, owner = 'p1') => runDueTimers({ store, clock: { now: () => at }, handlers, owner });
    const task = await createHumanTask(ctx(store, 'root', t0), { id: 'h1', title: 'Approve', form, assignee: 'group:l1', sla: '30m', escalation });
    expect(task).toMatchObject({ dueAt: t0 + 30 * minute, escalation: { step: 0 } });
    expect(await store.listTimers(ctx(store, 'root', t0).scope)).toMatchObject([{ id: 'due:h1', dueAt: t0 + 24 * minute }, { id: 'esc:h1:0', dueAt: t0 + 30 * minute }]);

    // At 80% of the SLA the task is due soon; the escalation waits for the SLA.
    expect((await sweep(t0 + 29 * minute)).claimed).toBe(1);
    expect(notifier.sent.splice(0)).toEqual([{ event: 'due_soon', step: -1, key: 'default:due:h1', taskId: 'h1' }]);
    await sweep(t0 + 31 * minute);
    await sweep(t0 + 32 * minute, 'p2');
    let stored = await store.getHumanTask(ctx(store, 'root', t0).scope, 'h1');
    expect(stored).toMatchObject({ assignee: { kind: 'group', id: 'l2' }, priority: 'high', escalation: { step: 1 } });
    expect(notifier.sent).toEqual([{ event: 'escalated', channels: ['slack'], step: 0, key: 'default:ntf:h1:0:escalated:step', taskId: 'h1' }]);

    await sweep(t0 + 46 * minute);
    await sweep(t0 + 57 * minute);
    await sweep(t0 + 67 * minute);
    expect(notifier.sent.filter((notice) => notice.event === 'reminder').map((notice) => notice.key)).toEqual([
      'default:ntf:h1:1:reminder:0', 'default:ntf:h1:1:reminder:1', 'default:ntf:h1:1:reminder:2',
    ]);

    // Swept late: the reminder due at 77m goes out first (earliest due), then the final step.
    await sweep(t0 + 121 * minute);
    expect(notifier.sent.filter((notice) => notice.event === 'reminder')).toHaveLength(4);
    stored = await store.getHumanTask(ctx(store, 'root', t0).scope, 'h1');
    expect(stored).toMatchObject({ status: 'completed', answer: { decision: 'reject' }, answeredBy: 'system', escalation: { step: 3 } });
    expect(stored?.history.map((entry) => [entry.action, entry.detail?.step])).toEqual([['created', undefined], ['escalated', 0], ['escalated', 1], ['answered', 2]]);
    // The reminder due after the answer finds the task done and stops.
    await sweep(t0 + 200 * minute);
    expect(notifier.sent.filter((notice) => notice.event === 'reminder')).toHaveLength(4);
    expect(await store.listTimers(ctx(store, 'root', t0).scope, { pending: true })).toEqual([]);
    await store.close();
  });

  it('issue 10: a task answered before its SLA never escalates', async () => {
    const store = await open();
    const notifier = createRecordingNotifier();
    await createHumanTask(ctx(store, 'root', t0), { id: 'h1', title: 'Approve', form, assignee: 'group:l1', sla: '30m', escalation });
    await answerHumanTask(ctx(store, 'ann', t0 + minute), { id: 'h1', answer: { decision: 'approve' } });
    const result = await runDueTimers({ store, clock: { now: () => t0 + 999 * minute }, handlers: escalationTimerHandlers({ store, notifier }), owner: 'p1' });
    // The escalation and the due-soon notice fire, and find nothing to do.
    expect(result).toMatchObject({ claimed: 2, fired: 2, failed: [] });
    const stored = await store.getHumanTask(ctx(store, 'root', t0).scope, 'h1');
    expect(stored?.history.map((entry) => entry.action)).toEqual(['created', 'answered']);
    expect(notifier.sent).toEqual([]);
    await store.close();
  });

  it('issue 10: refuses a chain that reassigns to someone people: does not list, and stores nothing', async () => {
    const store = await open();
    const bad = createHumanTask(ctx(store, 'root', t0), { id: 'h1', title: 'Approve', form, escalation: [{ after: '1h', reassign: 'group:nobody' }] });
    await expect(bad).rejects.toMatchObject({ code: 'E_UNKNOWN_PERSON', message: expect.stringContaining('escalation[0].reassign') });
    expect(await store.getHumanTask(ctx(store, 'root', t0).scope, 'h1')).toBeUndefined();
    await store.close();
  });
});
