import type { Clock } from '../../core/clock.js';
import type { Outcome } from '../../core/outcome.js';
import type { Handler, HandlerInput, HandlerServices } from '../handler.js';

export type AttemptResult =
  | { kind: 'returned'; outcome: Outcome | undefined }
  | { kind: 'threw'; error: unknown }
  /** `activity`: the node's agent's last `agent.activity` before the timeout, if it reported one. */
  | { kind: 'timed_out'; timeoutMs: number; activity?: string }
  | { kind: 'aborted' };

const never = new Promise<never>(() => {});
// The reason the timeout's sleep is cancelled with: abort() without one builds a DOMException
// (with its stack) on every attempt.
const attemptEnded = new Error('the attempt ended');

/**
 * One handler call (decision 19): its signal aborts when the frame's signal does (Ctrl-C, a
 * cancelled branch) or when `timeoutMs` passes on the injected clock. Either way the attempt ends at
 * once; a handler that ignores its signal is left to finish on its own, its result discarded.
 */
export async function runAttempt(handler: Handler, input: Omit<HandlerInput, 'signal'>, frameSignal: AbortSignal, timeoutMs: number | undefined, clock: Clock): Promise<AttemptResult> {
  if (frameSignal.aborted) return { kind: 'aborted' };
  const controller = new AbortController();
  const stopTimer = timeoutMs === undefined ? undefined : new AbortController();
  let onFrameAbort: () => void = () => {};
  const aborted = new Promise<AttemptResult>((resolve) => {
    onFrameAbort = () => {
      controller.abort(frameSignal.reason);
      resolve({ kind: 'aborted' });
    };
  });
  frameSignal.addEventListener('abort', onFrameAbort, { once: true });

  // The last thing the node's agent said it was doing, so that a timeout can name it.
  let activity: string | undefined;
  const services: HandlerServices = Object.create(input.services) as HandlerServices;
  services.emit = (event) => {
    if (event.type === 'agent.activity' && event.node === input.node.id) activity = event.activity;
    return input.services.emit(event);
  };
  const returned = Promise.resolve()
    .then(() => handler.execute({ ...input, services, signal: controller.signal }))
    .then(
      (outcome): AttemptResult => ({ kind: 'returned', outcome }),
      (error: unknown): AttemptResult => ({ kind: 'threw', error }),
    );
  const timedOut =
    timeoutMs === undefined || stopTimer === undefined
      ? never
      : clock.sleep(timeoutMs, stopTimer.signal).then(
          (): AttemptResult => {
            controller.abort(new Error(`timed out after ${timeoutMs}ms`));
            return activity === undefined ? { kind: 'timed_out', timeoutMs } : { kind: 'timed_out', timeoutMs, activity };
          },
          () => never,
        );
  try {
    return await Promise.race([returned, aborted, timedOut]);
  } finally {
    stopTimer?.abort(attemptEnded);
    frameSignal.removeEventListener('abort', onFrameAbort);
  }
}
