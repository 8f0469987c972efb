import { afterEach, describe, expect, it } from 'vitest';
import type { Activity } from './activity.js';
import { watchActivity, type ActivityWatcher } from './activity-watcher.js';
import { PtySession } from './pty-session.js';
import { createCleanup, deadlineMs, fakeAgentLaunch, recordOutput } from './session-test-support.js';

const cleanup = createCleanup();
const watchers: ActivityWatcher[] = [];
afterEach(async () => {
  for (const watcher of watchers.splice(0)) watcher.dispose();
  await cleanup.run();
});

const quietMs = 300;

async function watch(launch: (cwd: string) => Parameters<typeof PtySession.spawn>[0]) {
  const cwd = await cleanup.tempDir();
  const session = cleanup.session(PtySession.spawn(launch(cwd)));
  const output = recordOutput(session);
  const changes: [Activity, Activity][] = [];
  const listeners = new Set<() => void>();
  const watcher = watchActivity(session, {
    quietMs,
    onChange: (activity, previous) => {
      changes.push([activity, previous]);
      for (const listener of listeners) listener();
    },
  });
  watchers.push(watcher);
  /** Resolves when the watcher reports `activity` (now or on a later change). */
  const becomes = (activity: Activity) =>
    new Promise<void>((resolve, reject) => {
      if (watcher.current() === activity) return resolve();
      const timer = setTimeout(() => reject(new Error(`not ${activity} within ${deadlineMs} ms; changes ${JSON.stringify(changes)}; output:\n${output.text()}`)), deadlineMs);
      const check = () => {
        if (watcher.current() !== activity) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve();
      };
      listeners.add(check);
    });
  return { session, output, watcher, changes, becomes };
}

describe('watchActivity', () => {
  it('goes from working to waiting when the fake agent asks its question, and back on an answer', async () => {
    const { session, output, watcher, changes, becomes } = await watch((cwd) => fakeAgentLaunch(cwd, [], { FAKE_AGENT_WORK_MS: '400' }));
    expect(watcher.current()).toBe('working');
    await output.waitFor('Proceed with the change?');
    await becomes('waiting');
    expect(session.lastLine()).toBe('Proceed with the change? (y/n)');
    session.write('y\r');
    await becomes('working');
    await becomes('waiting');
    expect(session.lastLine()).toBe('Anything else?');
    // Under load a pause in the work may read as idle for a moment; the order must still hold.
    changes.forEach(([, previous], i) => expect(previous).toBe(i === 0 ? 'working' : changes[i - 1]?.[0]));
    const seen = changes.map(([activity]) => activity).join(' ');
    expect(seen).toMatch(/waiting.* working.* waiting$/);
  });

  it('turns idle when the output goes quiet on a line that is no question', async () => {
    const { becomes, changes } = await watch((cwd) => ({ ...fakeAgentLaunch(cwd), command: process.execPath, args: ['-e', "process.stdout.write('all done\\r\\n'); setInterval(() => {}, 1 << 30);"] }));
    await becomes('idle');
    expect(changes.at(-1)).toEqual(['idle', 'working']);
  });

  it('lets a report override the screen until newer output arrives', async () => {
    const { session, output, watcher, changes, becomes } = await watch((cwd) => fakeAgentLaunch(cwd));
    await output.waitFor('Proceed with the change?');
    await becomes('waiting');
    watcher.report('idle');
    expect(watcher.current()).toBe('idle');
    expect(changes.at(-1)).toEqual(['idle', 'waiting']);
    watcher.report('working');
    expect(watcher.current()).toBe('working');
    // The echo of a typed key is newer than the report: the screen rules decide again once quiet,
    // and `… (y/n) x` is no question.
    session.write('x');
    await output.waitFor('(y/n) \x1b[0mx');
    await becomes('idle');
    session.write('\r');
    await output.waitFor('ok: x');
    await becomes('waiting');
  });

  it('stays quiet after dispose', async () => {
    const { session, watcher, changes } = await watch((cwd) => fakeAgentLaunch(cwd));
    watcher.dispose();
    // A slower watcher on the same output: by the time it sees the question, the disposed one would have.
    const slower = await new Promise<Activity>((resolve) => {
      const reference = watchActivity(session, { quietMs: quietMs * 2, onChange: (activity) => activity === 'waiting' && resolve(activity) });
      watchers.push(reference);
    });
    expect(slower).toBe('waiting');
    expect(changes).toEqual([]);
    expect(watcher.current()).toBe('working');
  });

  it('stops at the exit of the agent: no change fires after it', async () => {
    const { session, output, watcher, changes, becomes } = await watch((cwd) => fakeAgentLaunch(cwd));
    await output.waitFor('Proceed with the change?');
    await becomes('waiting');
    const exited = new Promise((resolve) => session.onExit(resolve));
    session.write('q\r');
    await exited;
    const atExit = [...changes];
    // Proving that nothing happens takes time: three quiet periods, in which the watcher would have fired.
    await new Promise((resolve) => setTimeout(resolve, quietMs * 3));
    expect(changes).toEqual(atExit);
    expect(watcher.current()).toBe(atExit.at(-1)?.[0]);
    watcher.report('idle');
    expect(watcher.current()).toBe(atExit.at(-1)?.[0]);
  });
});
