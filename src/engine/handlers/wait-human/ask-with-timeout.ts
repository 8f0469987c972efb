import type { Clock } from '../../../core/clock.js';
import type { Answer, Interviewer, Question } from '../../../humans/interviewer.js';

/**
 * Asks, and enforces the question's timeout even when the interviewer does not (a callback to a
 * web form, a queue): when time runs out the question is withdrawn through its signal and the
 * answer is TIMEOUT. An abort of `signal` (node timeout, Ctrl-C) rejects with its reason.
 */
export async function askWithTimeout(interviewer: Interviewer, question: Question, timeoutMs: number | undefined, clock: Clock, signal: AbortSignal): Promise<Answer> {
  if (signal.aborted) throw signal.reason;
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = new AbortController();
  try {
    const asked = interviewer.ask(question, controller.signal);
    if (timeoutMs === undefined) return await asked;
    const expired = clock.sleep(timeoutMs, timer.signal).then((): typeof expiredMarker => expiredMarker);
    // The clock's sleep rejects when `timer` is aborted below; that rejection is expected.
    expired.catch(() => {});
    const first = await Promise.race([asked, expired]);
    if (first !== expiredMarker) return first;
    controller.abort(expiredMarker);
    asked.catch(() => {});
    return { value: 'timeout', timedOut: true };
  } finally {
    timer.abort();
    signal.removeEventListener('abort', onAbort);
  }
}

const expiredMarker = Symbol('question expired');
