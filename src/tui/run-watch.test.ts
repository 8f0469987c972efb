import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { runWatch } from './run-watch.js';
import { asStreams, FakeStdin, FakeStdout } from './testing/fake-terminal.js';
import { MemoryWatchSource, taskRow } from './testing/memory-source.js';
import { waitFor } from './testing/wait-for.js';
import type { TaskRow } from './watch-source.js';

// Ink draws only the last frame when it believes it runs in CI (decided when it is imported); these
// tests watch the live frames, so the CI markers go before anything imports Ink.
vi.hoisted(() => {
  for (const name of Object.keys(process.env)) {
    if (name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_')) delete process.env[name];
  }
});

const NOW = Date.parse('2025-03-01T12:00:00Z');

function rows(): TaskRow[] {
  return [
    taskRow({ id: 1, slug: 'add-docs', status: 'running', activity: 'working', agent: 'claude', lastLine: 'Writing README' }),
    taskRow({ id: 2, slug: 'fix-tests' }),
  ];
}

let running: Array<{ stdin: FakeStdin; done: Promise<unknown> }> = [];

function watch(source: MemoryWatchSource, attach: (row: TaskRow) => Promise<void> = async () => {}, stdout = new FakeStdout()) {
  const stdin = new FakeStdin();
  const done = runWatch({ source, attach, ...asStreams(stdin, stdout), now: () => NOW });
  running.push({ stdin, done: done.catch(() => undefined) });
  return { stdin, stdout, done };
}

afterEach(async () => {
  // A failed test must not leave an Ink app holding the fake terminal.
  for (const { stdin, done } of running) {
    stdin.press('q');
    await done;
  }
  running = [];
});

describe('runWatch', () => {
  it('draws the table on the alternate screen and resolves on q, restoring the screen', async () => {
    const source = new MemoryWatchSource(rows());
    const { stdin, stdout, done } = watch(source);
    await waitFor(() => stdout.output.includes('fix-tests'), 'the table to be drawn');
    expect(stdout.output.startsWith('\u001b[?1049h')).toBe(true);
    expect(stdin.isRaw).toBe(true);
    stdin.press('q');
    await done;
    expect(stdin.isRaw).toBe(false);
    expect(stdout.output.endsWith('\u001b[?1049l')).toBe(true);
    expect(source.subscribers).toBe(0);
  });

  it('leaves raw mode for the attach and draws the table again after it', async () => {
    const source = new MemoryWatchSource(rows());
    const attached: Array<{ slug: string; raw: boolean; subscribers: number }> = [];
    const { stdin, stdout, done } = watch(source, async (row) => {
      attached.push({ slug: row.slug, raw: stdin.isRaw, subscribers: source.subscribers });
    });
    await waitFor(() => stdout.output.includes('fix-tests'), 'the table to be drawn');
    stdin.press('\r');
    await waitFor(() => stdout.output.includes('detached from 1:add-docs'), 'the table to come back after the attach');
    expect(attached).toEqual([{ slug: 'add-docs', raw: false, subscribers: 0 }]);
    expect(stdin.isRaw).toBe(true);
    // The selection survived: j moves on from add-docs, and x stops the task below it.
    stdin.press('j');
    stdin.press('x');
    await waitFor(() => source.stopped.length > 0, 'the stop after the attach');
    expect(source.stopped.map((row) => row.slug)).toEqual(['fix-tests']);
    stdin.press('q');
    await done;
  });

  it('shows why an attach failed and keeps going', async () => {
    const { stdin, stdout, done } = watch(new MemoryWatchSource(rows()), async () => {
      throw new OrchestraError(ErrorCode.AGENT_NOT_RUNNING, 'Task 1 (add-docs) has no running agent.', { hint: 'Start it with `orchestra start 1`.' });
    });
    await waitFor(() => stdout.output.includes('fix-tests'), 'the table to be drawn');
    stdin.press('a');
    await waitFor(() => stdout.output.includes('Task 1 (add-docs) has no running agent. Start it with `orchestra start 1`.'), 'the attach error');
    stdin.press('\u0003');
    await done;
  });

  it('rings the terminal bell when a task starts waiting for input', async () => {
    const source = new MemoryWatchSource(rows());
    const { stdout } = watch(source);
    await waitFor(() => stdout.output.includes('fix-tests'), 'the table to be drawn');
    expect(stdout.output).not.toContain('\u0007');
    source.setRows(rows().map((row) => (row.id === 1 ? { ...row, activity: 'waiting' as const } : row)));
    await waitFor(() => stdout.output.includes('\u0007'), 'the bell');
    expect(stdout.output.split('\u0007')).toHaveLength(2);
  });

  it('scrolls a long table to keep the selected task on a short screen', async () => {
    const many = Array.from({ length: 30 }, (_, index) => taskRow({ id: index + 1, slug: `task-${index + 1}` }));
    const { stdin, stdout } = watch(new MemoryWatchSource(many), undefined, new FakeStdout(100, 12));
    // 12 rows: headline, column names, message, footer and Ink's last line leave 7 for the project and 6 tasks.
    await waitFor(() => stdout.output.includes('task-6 '), 'the first screenful');
    expect(stdout.output).not.toContain('task-7 ');
    expect(stdout.output).not.toContain('task-30');
    for (let step = 0; step < 29; step += 1) stdin.press('j');
    await waitFor(() => stdout.output.includes('task-30'), 'the last task to scroll into view');
  });

  it('clears the screen when the terminal is resized, then draws the table again', async () => {
    const { stdout } = watch(new MemoryWatchSource(rows()));
    await waitFor(() => stdout.output.includes('fix-tests'), 'the table to be drawn');
    const before = stdout.output.length;
    stdout.columns = 60;
    stdout.emit('resize');
    await waitFor(() => stdout.output.slice(before).startsWith('\u001b[H\u001b[2J'), 'the clear');
    await waitFor(() => stdout.output.slice(before).includes('fix-tests'), 'the table after the resize');
  });

  it('refuses a stdin that is not a terminal', async () => {
    const stdin = new FakeStdin(false);
    const streams = asStreams(stdin, new FakeStdout());
    await expect(runWatch({ source: new MemoryWatchSource(), attach: async () => {}, ...streams })).rejects.toMatchObject({
      code: 'E_USAGE',
      message: expect.stringContaining('stdin is not one'),
      hint: expect.stringContaining('orchestra status --watch'),
    });
  });
});
