import { Activity, activityOf, type ActivityReport } from './activity.js';
import type { PtySession } from './pty-session.js';

export interface ActivityWatcher {
  /** A report from the agent's hooks, plugin or `orchestra status set`; wins until newer output. */
  report(activity: Activity): void;
  current(): Activity;
  dispose(): void;
}

export interface WatchActivityOptions {
  quietMs: number;
  /** Reports come from the agent's hooks or plugin and hold until the next one (see activityOf). */
  reportsHold?: boolean;
  onChange: (activity: Activity, previous: Activity) => void;
  /** The clock the session was spawned with. */
  now?: () => number;
}

/**
 * Follows one session's Activity: re-evaluated on each output and by one timer armed for the
 * moment the output would turn quiet (no polling loop); `onChange` fires only on a change.
 * The watch start counts as output, so a freshly spawned agent is working until it has been
 * quiet for `quietMs`, and an agent that never prints still turns idle. It stops when the
 * session exits or on `dispose()`; `current()` then keeps the last Activity.
 */
export function watchActivity(session: PtySession, o: WatchActivityOptions): ActivityWatcher {
  const now = o.now ?? Date.now;
  const watchedAt = now();
  let report: ActivityReport | undefined;
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;

  const lastActivityAt = () => Math.max(session.lastOutputAt() ?? watchedAt, watchedAt);
  // The last line only when the rules reach it (the agent is quiet): reading it on every chunk of a
  // busy agent's output walked the mirror's screen thousands of times a second.
  const evaluate = () =>
    activityOf({
      now: now(),
      lastOutputAt: lastActivityAt(),
      get lastLine() {
        return session.lastLine();
      },
      quietMs: o.quietMs,
      reportsHold: o.reportsHold === true,
      ...(report ? { report } : {}),
    });
  let current = evaluate();

  function update(): void {
    if (disposed) return;
    const next = evaluate();
    if (next === current) return;
    const previous = current;
    current = next;
    o.onChange(next, previous);
  }

  // One timer at a time: output that arrives meanwhile only moves the deadline it re-checks.
  function arm(): void {
    if (timer !== undefined || disposed) return;
    timer = setTimeout(function onQuietDeadline() {
      timer = undefined;
      const left = lastActivityAt() + o.quietMs - now();
      if (left > 0) return arm();
      // The last line decides between idle and waiting: read it only after the mirror caught up.
      void session.parsed().then(update);
    }, Math.max(1, lastActivityAt() + o.quietMs - now()));
  }

  const offOutput = session.onOutputArrived(function onSessionOutput() {
    // Events arrive in order, so any report is older than this output even within the same ms.
    if (o.reportsHold !== true) report = undefined;
    // Output makes an agent working, or changes nothing while a held report rules: while it is
    // working already there is nothing to re-evaluate (a busy agent sends thousands of chunks).
    if (current !== Activity.working) update();
    arm();
  });
  // An exited agent has no Activity: what its task becomes is the daemon's call, not a late timer's.
  const offExit = session.onExit(function onSessionExit() {
    stop();
  });
  if (session.exited !== undefined) stop();
  else arm();

  function stop(): void {
    disposed = true;
    offOutput();
    offExit();
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  return {
    report(activity) {
      if (disposed) return;
      report = { activity, at: now() };
      update();
    },
    current: () => current,
    dispose: stop,
  };
}
