import { isTerminalEvent } from '../../core/index.js';
import type { RunEvent } from '../../core/index.js';
import type { Store } from '../../store/store.js';
import type { RunRecord } from '../../store/types.js';
import { isRunStale } from '../../services/runs/run-liveness.js';

export interface FollowOptions {
  onEvent(event: RunEvent): void;
  /** Aborted when the user detaches. */
  signal: AbortSignal;
  /** Resolves after `ms`, earlier when the store changed, at once when `signal` aborts. */
  wait(ms: number, signal: AbortSignal): Promise<void>;
  now(): number;
  /** How often to read new events when nothing wakes us (default 100 ms). */
  pollMs?: number;
  /** How often to check that some process still drives the run (default 1 s). */
  livenessEveryMs?: number;
  /**
   * How long a run must look abandoned (running, lease missing or lapsed) before we give up on
   * it; covers the moment between creating a run and taking its lease (default 2 s).
   */
  staleGraceMs?: number;
}

export type FollowEnd =
  /** The run ended with this event and its record agrees. */
  | { kind: 'ended'; event: RunEvent; run: RunRecord }
  /** The record says the run stopped, but no terminal event was written (a crash in between). */
  | { kind: 'stopped'; run: RunRecord }
  /** The record says running, but no process holds its lease: it was killed. */
  | { kind: 'abandoned'; run: RunRecord }
  | { kind: 'detached' };

const batchSize = 500;

/**
 * Delivers a run's events from the first one, then follows new ones until the run ends. A
 * terminal event is not always the end: a resumed run continues the same event stream after its
 * `run.interrupted`, so the run record decides.
 */
export async function followRun(store: Store, runId: string, options: FollowOptions): Promise<FollowEnd> {
  const pollMs = options.pollMs ?? 100;
  const livenessEveryMs = options.livenessEveryMs ?? 1_000;
  const staleGraceMs = options.staleGraceMs ?? 2_000;
  let afterSeq = 0;
  let lastCheck = Number.NEGATIVE_INFINITY;
  let staleSince: number | undefined;
  let lastEvent: RunEvent | undefined;

  const drain = async () => {
    for (;;) {
      const events = await store.readEvents(runId, afterSeq, batchSize);
      for (const event of events) {
        afterSeq = event.seq;
        lastEvent = event;
        options.onEvent(event);
      }
      if (events.length < batchSize) return;
    }
  };

  for (;;) {
    if (options.signal.aborted) return { kind: 'detached' };
    const seqBefore = afterSeq;
    await drain();
    const now = options.now();
    const endedByEvent = afterSeq > seqBefore && lastEvent !== undefined && isTerminalEvent(lastEvent);
    if (endedByEvent || now - lastCheck >= livenessEveryMs) {
      lastCheck = now;
      const run = await store.getRun(runId);
      if (!run) return { kind: 'detached' };
      if (run.state !== 'running') {
        // The state may have been committed just after the events we read.
        await drain();
        return lastEvent && isTerminalEvent(lastEvent) ? { kind: 'ended', event: lastEvent, run } : { kind: 'stopped', run };
      }
      if (isRunStale(run, await store.getLease(runId), now)) {
        staleSince ??= now;
        if (now - staleSince >= staleGraceMs) return { kind: 'abandoned', run };
      } else {
        staleSince = undefined;
      }
    }
    await options.wait(pollMs, options.signal);
  }
}
