import { describe, expect, it } from 'vitest';
import { cancel, cleanedUp, complete, fail, resume, suspend, wake } from './workflow-transitions.js';
import type { WorkflowInstance, WorkflowStatus } from './workflow-types.js';

function instance(status: WorkflowStatus, extra: Partial<WorkflowInstance> = {}): WorkflowInstance {
  return { id: 'w1', tenant: 'acme', name: 'n', version: 'v', input: null, status, wakeups: 2, createdAt: 0, updatedAt: 0, ...extra };
}

const timerWait = { kind: 'timer' as const, timerId: 't', until: 9 };
const signalWait = { kind: 'signal' as const, name: 'approve' };

describe('workflow transitions', () => {
  const cases: Array<[string, ReturnType<typeof wake>, WorkflowInstance, unknown]> = [
    ['resume: waiting → running', resume(5), instance('waiting', { waitingOn: timerWait }), { status: 'running', waitingOn: undefined, updatedAt: 5 }],
    ['resume: running stays', resume(5), instance('running'), undefined],
    ['wake: a waiting instance whose wait matches runs', wake(5, (w) => w.kind === 'signal'), instance('waiting', { waitingOn: signalWait }), { status: 'running', waitingOn: undefined, wakeups: 3, updatedAt: 5 }],
    ['wake: a wait that does not match stays', wake(5, (w) => w.kind === 'task'), instance('waiting', { waitingOn: signalWait }), undefined],
    ['wake: a running instance counts the wake', wake(5), instance('running'), { wakeups: 3, updatedAt: 5 }],
    ['wake: a finished instance stays', wake(5), instance('completed'), undefined],
    ['suspend: no wake since it was read', suspend(timerWait, 2, 5, { position: 1, kind: 'sleep', name: 'sleep' }), instance('running'), { status: 'waiting', waitingOn: timerWait, suspendedAt: { position: 1, kind: 'sleep', name: 'sleep' }, updatedAt: 5 }],
    ['suspend: a wake came in between, so it keeps running', suspend(timerWait, 1, 5), instance('running'), undefined],
    ['suspend: cancelled meanwhile', suspend(timerWait, 2, 5), instance('cancelled'), undefined],
    ['complete: running', complete({ a: 1 }, 5), instance('running'), { status: 'completed', result: { a: 1 }, waitingOn: undefined, finishedAt: 5, updatedAt: 5 }],
    ['fail: running', fail({ code: 'E', message: 'm' }, 5), instance('running'), { status: 'failed', error: { code: 'E', message: 'm' }, waitingOn: undefined, finishedAt: 5, updatedAt: 5 }],
    ['cancel: waiting', cancel(5), instance('waiting', { waitingOn: timerWait }), { status: 'cancelled', cleanupPending: true, waitingOn: undefined, finishedAt: 5, updatedAt: 5 }],
    ['cleanedUp: pending', cleanedUp(5), instance('cancelled', { cleanupPending: true }), { cleanupPending: undefined, updatedAt: 5 }],
    ['cleanedUp: nothing pending', cleanedUp(5), instance('cancelled'), undefined],
  ];
  for (const [what, decide, current, expected] of cases) {
    it(`issue 11: ${what}`, () => {
      expect(decide(current)).toEqual(expected);
    });
  }

  const refused: Array<[string, ReturnType<typeof wake>, WorkflowStatus]> = [
    ['complete a cancelled instance', complete(null, 5), 'cancelled'],
    ['fail a completed instance', fail({ code: 'E', message: 'm' }, 5), 'completed'],
    ['cancel a failed instance', cancel(5), 'failed'],
    ['cancel a cancelled instance', cancel(5), 'cancelled'],
  ];
  for (const [what, decide, status] of refused) {
    it(`issue 11: refuses to ${what} (E_WORKFLOW_STATE)`, () => {
      expect(() => decide(instance(status))).toThrow(expect.objectContaining({ code: 'E_WORKFLOW_STATE' }));
    });
  }
});
