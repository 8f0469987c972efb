import type { WorkflowContext } from '../definition.js';
import { toDuration, type DurationInput } from './duration.js';
import { positionTimer } from './timers.js';
import { runOf } from './workflow-run.js';

/**
 * Waits `duration` durably: minutes or months, across restarts. A timer in the store
 * (`wf:<instance>:<position>`) wakes the instance, which meanwhile is `waiting` and holds no
 * process, so a worker restart or a reboot loses nothing and the timer fires once.
 *
 * Durability: the wait counts from the first time the call ran, not from a replay. The journal
 * names it `sleep` whatever its length, so changing the duration in the code does not break
 * instances in flight (they keep the timer they have).
 *
 * @param duration - `timeout('2h')`, text (`'30s'`, `'2h'`, `'1d'`) or milliseconds.
 * @example
 * ```ts
 * await step(ctx, 'send welcome mail', () => mail.welcome(input.email));
 * await sleep(ctx, '3d');
 * await step(ctx, 'send follow-up', () => mail.followUp(input.email));
 * ```
 */
export async function sleep(ctx: WorkflowContext, duration: DurationInput): Promise<void> {
  const { ms } = toDuration(duration, 'sleep');
  await sleepAt(ctx, 'sleep', (now) => now + ms);
}

/**
 * Waits until `date` durably, like {@link sleep} (and returns at once when it is past). Compute the
 * date in a step, not from `Date.now()` in the workflow code, so a replay waits for the same moment.
 *
 * @example
 * ```ts
 * const renewal = await step(ctx, 'renewal date', () => billing.nextRenewal(input.accountId)); // epoch ms
 * await sleepUntil(ctx, renewal);
 * ```
 */
export async function sleepUntil(ctx: WorkflowContext, date: Date | number): Promise<void> {
  const at = typeof date === 'number' ? date : date.getTime();
  await sleepAt(ctx, 'sleepUntil', () => at);
}

async function sleepAt(ctx: WorkflowContext, name: string, dueAt: (now: number) => number): Promise<void> {
  const run = runOf(ctx);
  return run.call(async () => {
    const { position, entry } = run.next({ kind: 'sleep', name });
    if (entry) return;
    await run.beginNew();
    const timer = await positionTimer(run, position, dueAt(run.now()));
    if (run.now() < timer.dueAt) run.suspend({ kind: 'timer', timerId: timer.id, until: timer.dueAt }, position, { kind: 'sleep', name });
    await run.journalAt(position, { kind: 'sleep', name, result: { until: timer.dueAt } });
  });
}
