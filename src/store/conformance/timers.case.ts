import { describe, expect, it } from 'vitest';
import type { HumanTask } from '../human-task-types.js';
import type { NewTimer } from '../timer-types.js';
import type { StoreFixture } from './fixtures.case.js';
import { t0 } from './fixtures.case.js';
import { answerOnce, newHumanTask, tenantA, tenantB } from './human-task-fixtures.case.js';

const lease = 30_000;

function newTimer(id: string, dueIn: number, overrides: Partial<NewTimer> = {}): NewTimer {
  return { id, kind: 'human-task.escalation', subjectId: 'h1', dueAt: t0 + dueIn, payload: { step: 0, nested: { list: [1, null] } }, createdAt: t0, ...overrides };
}

/** A decide() for fireHumanTaskTimer: raises the task's priority with an `escalated` entry, and sets `next`. */
function escalate(next: NewTimer[] = [], at = t0 + 5_000) {
  return function escalateDecision(task: HumanTask | undefined) {
    if (!task) return {};
    const { id: _i, tenant: _t, form: _f, createdAt: _c, createdBy: _b, version: _v, history: _h, updatedAt: _u, answerConsumedAt: _a, escalationChain: _e, ...state } = task;
    return { change: { next: { ...state, priority: 'urgent' as const, escalation: { step: task.escalation.step + 1, lastFiredAt: at } }, entry: { at, actor: 'system', action: 'escalated' as const, detail: { step: task.escalation.step } } }, schedule: next };
  };
}

export function describeTimerConformance(fixture: StoreFixture): void {
  describe('timers', () => {
    it('issue 10: stores a timer unclaimed and unfired, and keeps the first of two with one id', async () => {
      const store = fixture.store();
      await store.scheduleTimers(tenantA, [newTimer('t1', 1_000)]);
      await store.scheduleTimers(tenantA, [newTimer('t1', 9_000, { kind: 'other' })]);
      const timer = await store.getTimer(tenantA, 't1');
      expect(timer).toEqual({ id: 't1', tenant: 'acme', kind: 'human-task.escalation', subjectId: 'h1', dueAt: t0 + 1_000, payload: { step: 0, nested: { list: [1, null] } }, createdAt: t0, attempts: 0 });
      expect(await store.listTimers(tenantA)).toEqual([timer]);
    });

    it("issue 10: tenant B neither sees tenant A's timers nor changes them by scheduling the same id", async () => {
      const store = fixture.store();
      await store.scheduleTimers(tenantA, [newTimer('t1', 1_000)]);
      expect(await store.getTimer(tenantB, 't1')).toBeUndefined();
      expect(await store.listTimers(tenantB)).toEqual([]);
      await store.scheduleTimers(tenantB, [newTimer('t1', 2_000)]);
      expect((await store.getTimer(tenantA, 't1'))?.dueAt).toBe(t0 + 1_000);
      expect((await store.getTimer(tenantB, 't1'))?.tenant).toBe('globex');
    });

    it('issue 10: claims only due timers, earliest first, at most `limit`, across tenants', async () => {
      const store = fixture.store();
      await store.scheduleTimers(tenantA, [newTimer('late', 3_000), newTimer('early', 1_000), newTimer('future', 60_000)]);
      await store.scheduleTimers(tenantB, [newTimer('mid', 2_000)]);
      const first = await store.claimDueTimers('p1', t0 + 5_000, lease, 2);
      expect(first.map((timer) => [timer.tenant, timer.id])).toEqual([['acme', 'early'], ['globex', 'mid']]);
      expect(first[0]).toMatchObject({ claimedBy: 'p1', leaseUntil: t0 + 5_000 + lease, attempts: 1 });
      expect(await store.getTimer(tenantA, 'early')).toEqual(first[0]);
      expect((await store.claimDueTimers('p1', t0 + 5_000, lease, 10)).map((timer) => timer.id)).toEqual(['late']);
      expect(await store.claimDueTimers('p2', t0 + 5_000, lease, 10)).toEqual([]);
    });

    it('issue 10: of two claims at the same moment, each timer goes to exactly one claimer', async () => {
      const store = fixture.store();
      await store.scheduleTimers(tenantA, Array.from({ length: 6 }, (_, i) => newTimer(`t${i}`, i)));
      const [a, b] = await Promise.all([store.claimDueTimers('p1', t0 + 10, lease, 4), store.claimDueTimers('p2', t0 + 10, lease, 4)]);
      const ids = [...a, ...b].map((timer) => timer.id).sort();
      expect(ids).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
    });

    it('issue 10: only the claimer marks a timer fired, once; a fired timer is never claimed again', async () => {
      const store = fixture.store();
      await store.scheduleTimers(tenantA, [newTimer('t1', 0)]);
      const [claimed] = await store.claimDueTimers('p1', t0, lease, 1);
      if (!claimed) throw new Error('nothing claimed');
      expect(await store.completeTimer(claimed, 'p2', t0 + 1)).toBe(false);
      expect(await store.completeTimer(claimed, 'p1', t0 + 2, [newTimer('t2', 5_000)])).toBe(true);
      expect(await store.completeTimer(claimed, 'p1', t0 + 3)).toBe(false);
      expect(await store.getTimer(tenantA, 't1')).toMatchObject({ firedAt: t0 + 2, claimedBy: 'p1' });
      expect((await store.getTimer(tenantA, 't2'))?.dueAt).toBe(t0 + 5_000);
      expect(await store.claimDueTimers('p2', t0 + lease * 10, lease, 10)).toMatchObject([{ id: 't2' }]);
      expect(await store.listTimers(tenantA, { pending: true })).toMatchObject([{ id: 't2' }]);
    });

    it('issue 10: pruning deletes only timers fired before the cut, and a fired-then-pruned timer never fires again', async () => {
      const store = fixture.store();
      await store.scheduleTimers(tenantA, [newTimer('fired', 0), newTimer('held', 0), newTimer('pending', 60_000)]);
      await store.scheduleTimers(tenantB, [newTimer('other', 0)]);
      const claimed = await store.claimDueTimers('p1', t0, lease, 10);
      expect(claimed.map((timer) => timer.id).sort()).toEqual(['fired', 'held', 'other']);
      expect(await store.completeTimer({ tenant: 'acme', id: 'fired' }, 'p1', t0 + 1)).toBe(true);
      expect(await store.completeTimer({ tenant: 'globex', id: 'other' }, 'p1', t0 + 5)).toBe(true);
      // The process dies here, after firing and before pruning: a restart claims nothing fired.
      expect((await store.claimDueTimers('p2', t0 + lease, lease, 10)).map((timer) => timer.id)).toEqual(['held']);
      expect(await store.pruneFiredTimers(t0 + 1, 10)).toBe(1);
      expect((await store.listTimers(tenantA)).map((timer) => timer.id)).toEqual(['held', 'pending']);
      expect(await store.getTimer(tenantB, 'other')).toMatchObject({ firedAt: t0 + 5 });
      expect(await store.pruneFiredTimers(t0 + 5, 10)).toBe(1);
      expect(await store.pruneFiredTimers(t0 + lease * 10, 10)).toBe(0);
      expect(await store.listTimers(tenantB)).toEqual([]);
      expect(await store.claimDueTimers('p3', t0 + lease * 10, lease, 10)).toMatchObject([{ id: 'held', attempts: 3 }, { id: 'pending', attempts: 1 }]);
      await expect(store.pruneFiredTimers(t0, 0)).rejects.toMatchObject({ code: 'E_STORE' });
    });

    it('issue 10: a lapsed claim (its process died) is claimed again, and then only the new claimer can fire it', async () => {
      const store = fixture.store();
      await store.scheduleTimers(tenantA, [newTimer('t1', 0)]);
      await store.claimDueTimers('dead', t0, lease, 1);
      expect(await store.claimDueTimers('p2', t0 + lease - 1, lease, 1)).toEqual([]);
      const [again] = await store.claimDueTimers('p2', t0 + lease, lease, 1);
      expect(again).toMatchObject({ id: 't1', claimedBy: 'p2', attempts: 2 });
      expect(await store.completeTimer({ tenant: 'acme', id: 't1' }, 'dead', t0 + lease + 1)).toBe(false);
      expect(await store.completeTimer({ tenant: 'acme', id: 't1' }, 'p2', t0 + lease + 2)).toBe(true);
    });

    it('issue 10: creating a human task schedules its timers in the same step, and a bad timer creates neither', async () => {
      const store = fixture.store();
      const chain = [{ afterMs: 1_000, reassign: { kind: 'group' as const, id: 'l2' }, notify: ['ops'] }];
      const task = await store.createHumanTask(tenantA, newHumanTask('h1', { escalationChain: chain }), [newTimer('esc:h1:0', 1_000)]);
      expect(task.escalationChain).toEqual(chain);
      expect(await store.getTimer(tenantA, 'esc:h1:0')).toMatchObject({ subjectId: 'h1', attempts: 0 });
      const answered = await store.updateHumanTask(tenantA, 'h1', answerOnce('ann', { answer: 'ok' }));
      expect(answered.escalationChain).toEqual(chain);
      await expect(store.createHumanTask(tenantA, newHumanTask('h2'), [newTimer('', 1_000)])).rejects.toMatchObject({ code: 'E_STORE' });
      expect(await store.getHumanTask(tenantA, 'h2')).toBeUndefined();
    });

    it("issue 10: fires a human task's timer with its change and next timers in one step, exactly once", async () => {
      const store = fixture.store();
      await store.createHumanTask(tenantA, newHumanTask('h1'), [newTimer('esc:h1:0', 1_000)]);
      const [claimed] = await store.claimDueTimers('p1', t0 + 1_000, lease, 1);
      if (!claimed) throw new Error('nothing claimed');
      const fired = await store.fireHumanTaskTimer(tenantA, claimed, 'p1', t0 + 5_000, escalate([newTimer('esc:h1:1', 9_000)]));
      expect(fired).toMatchObject({ fired: true, task: { priority: 'urgent', escalation: { step: 1, lastFiredAt: t0 + 5_000 }, version: 2 } });
      expect(await store.getTimer(tenantA, 'esc:h1:0')).toMatchObject({ firedAt: t0 + 5_000 });
      expect(await store.getTimer(tenantA, 'esc:h1:1')).toMatchObject({ dueAt: t0 + 9_000 });
      expect(await store.fireHumanTaskTimer(tenantA, claimed, 'p1', t0 + 6_000, escalate())).toEqual({ fired: false });
      const task = await store.getHumanTask(tenantA, 'h1');
      expect(task?.history.filter((entry) => entry.action === 'escalated')).toHaveLength(1);
    });

    it('issue 10: a firing whose claim was lost, or whose decide() throws, writes nothing', async () => {
      const store = fixture.store();
      const before = await store.createHumanTask(tenantA, newHumanTask('h1'), [newTimer('esc:h1:0', 0)]);
      await store.claimDueTimers('dead', t0, lease, 1);
      const [mine] = await store.claimDueTimers('p2', t0 + lease, lease, 1);
      if (!mine) throw new Error('nothing claimed');
      expect(await store.fireHumanTaskTimer(tenantA, mine, 'dead', t0 + lease, escalate())).toEqual({ fired: false });
      const refused = store.fireHumanTaskTimer(tenantA, mine, 'p2', t0 + lease, () => {
        throw Object.assign(new Error('no'), { name: 'OrchestraError', code: 'E_HUMAN_TASK_STATE' });
      });
      await expect(refused).rejects.toMatchObject({ code: 'E_HUMAN_TASK_STATE' });
      await expect(store.fireHumanTaskTimer(tenantB, mine, 'p2', t0 + lease, escalate())).rejects.toMatchObject({ code: 'E_STORE' });
      expect(await store.getHumanTask(tenantA, 'h1')).toEqual(before);
      expect((await store.getTimer(tenantA, 'esc:h1:0'))?.firedAt).toBeUndefined();
    });
  });
}
