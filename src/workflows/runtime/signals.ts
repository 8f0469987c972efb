import type { JsonValue } from '../../store/human-task-types.js';
import type { WorkflowContext } from '../definition.js';
import { toDuration, type DurationInput } from './duration.js';
import { positionTimer } from './timers.js';
import { runOf } from './workflow-run.js';

/** What {@link waitForSignal} returns: the signal's payload, or `received: false` when its timeout ran out first. */
export type SignalResult<T> = { received: true; payload: T } | { received: false };

/** Options of {@link waitForSignal}. */
export interface WaitForSignalOptions {
  /** Gives up after this long (a durable timer): the result is then `{ received: false }`. */
  timeout?: DurationInput;
}

/**
 * Waits for an external event: the signal `name`, sent with `orchestra workflow signal ID NAME
 * --data '{…}'` (or signalWorkflow()). While it waits the instance is `waiting` and holds no process.
 *
 * Durability: a signal sent before the workflow got here was kept by the store and is taken at
 * once, oldest first, never lost; taking it and journaling it are one transaction, so each signal is
 * received exactly once. With `timeout`, a durable timer ends the wait: the result is then
 * `{ received: false }`, on every replay alike.
 *
 * @typeParam T - The payload's type as the workflow expects it (a JSON value; not checked at run time).
 * @example
 * ```ts
 * const paid = await waitForSignal<{ amount: number }>(ctx, 'payment-received', { timeout: '7d' });
 * if (!paid.received) return { status: 'expired' };
 * await step(ctx, 'ship', () => warehouse.ship(input.orderId, paid.payload.amount));
 * ```
 */
export async function waitForSignal<T = JsonValue>(ctx: WorkflowContext, name: string, options: WaitForSignalOptions = {}): Promise<SignalResult<T>> {
  const run = runOf(ctx);
  return run.call(async () => {
    const limit = options.timeout === undefined ? undefined : toDuration(options.timeout, 'timeout');
    const { position, entry } = run.next({ kind: 'signal', name });
    if (entry) return fromJournal<T>(entry.result);
    await run.beginNew();
    const { store, scope } = run.deps;
    const received = await run.inTurn(position, () => store.receiveSignal(scope, run.workflowId, name, position, run.now()));
    if (received) return fromJournal<T>(received.result);
    if (!limit) return run.suspend({ kind: 'signal', name }, position, { kind: 'signal', name });
    const timer = await positionTimer(run, position, run.now() + limit.ms);
    if (run.now() < timer.dueAt) return run.suspend({ kind: 'signal', name, timerId: timer.id }, position, { kind: 'signal', name });
    await run.journalAt(position, { kind: 'signal', name, result: { timedOut: true } });
    return { received: false };
  });
}

function fromJournal<T>(result: JsonValue | undefined): SignalResult<T> {
  if (typeof result === 'object' && result !== null && !Array.isArray(result) && 'payload' in result) return { received: true, payload: result['payload'] as T };
  return { received: false };
}
