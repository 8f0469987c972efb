import { cleanup, render } from 'ink-testing-library';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { MemoryWatchSource, taskRow } from './testing/memory-source.js';
import { waitFor } from './testing/wait-for.js';
import { WatchApp } from './watch-app.js';
import type { WatchLeave } from './watch-memory.js';
import type { TaskRow } from './watch-source.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const DOWN = '\u001b[B';
const UP = '\u001b[A';

function rows(): TaskRow[] {
  return [
    taskRow({ projectRoot: '/work/web', id: 2, slug: 'fix-tests', status: 'running', activity: 'working', agent: 'opencode', branch: 'orchestra/2-fix-tests', lastLine: 'Running vitest…', createdAt: '2025-03-01T11:57:00Z' }),
    taskRow({ projectRoot: '/work/api', id: 1, slug: 'add-docs', status: 'idle', activity: 'waiting', agent: 'claude', branch: 'orchestra/1-add-docs', lastLine: 'Proceed? (y/n)', createdAt: '2025-03-01T10:00:00Z' }),
    taskRow({ projectRoot: '/work/web', id: 1, slug: 'draft-idea', createdAt: '2025-02-24T12:00:00Z' }),
  ];
}

function mount(source: MemoryWatchSource) {
  const leaves: WatchLeave[] = [];
  const onBell = vi.fn();
  const app = render(h(WatchApp, { source, now: () => NOW, onLeave: (leave: WatchLeave) => leaves.push(leave), onBell, tickMs: 60_000 }));
  const frame = () => app.lastFrame() ?? '';
  const frameWith = (text: string) => waitFor(() => (frame().includes(text) ? frame() : undefined), `a frame containing ${JSON.stringify(text)}`);
  const selectedLine = () => frame().split('\n').find((line) => line.startsWith('›')) ?? '';
  return { app, leaves, onBell, frame, frameWith, selectedLine };
}

afterEach(() => cleanup());

describe('WatchApp', () => {
  it('renders a headline, then tasks grouped by project in id order', async () => {
    const { frameWith } = mount(new MemoryWatchSource(rows()));
    const lines = (await frameWith('draft-idea')).split('\n');
    expect(lines[0]).toBe('orchestra watch — 3 tasks, 1 needs input');
    expect(lines[1]).toMatch(/^\s+ID\s+TASK\s+STATUS\s+AGENT\s+BRANCH\s+AGE\s+LAST OUTPUT$/);
    const body = lines.slice(2, 7).map((line) => line.replace(/\s+/g, ' ').trim());
    expect(body).toEqual([
      'api /work/api',
      '› 1 add-docs needs input claude orchestra/1-add-docs 2h Proceed? (y/n)',
      'web /work/web',
      '1 draft-idea draft - - 5d',
      '2 fix-tests running opencode orchestra/2-fix-tests 3m Running vitest…',
    ]);
    expect(lines.at(-1)).toContain('q quit');
  });

  it('moves the selection with j/k and the arrow keys, stopping at the ends', async () => {
    const { app, frameWith, selectedLine } = mount(new MemoryWatchSource(rows()));
    await frameWith('draft-idea');
    expect(selectedLine()).toContain('add-docs');
    app.stdin.write('j');
    await waitFor(() => selectedLine().includes('draft-idea'), 'j to select draft-idea');
    app.stdin.write(DOWN);
    await waitFor(() => selectedLine().includes('fix-tests'), 'down to select fix-tests');
    app.stdin.write('j');
    app.stdin.write('k');
    await waitFor(() => selectedLine().includes('draft-idea'), 'j at the bottom, then k, to select draft-idea');
    app.stdin.write(UP);
    app.stdin.write(UP);
    await waitFor(() => selectedLine().includes('add-docs'), 'up twice to stop at add-docs');
  });

  it('starts and stops the selected task and says so', async () => {
    const source = new MemoryWatchSource(rows());
    const { app, frameWith, selectedLine } = mount(source);
    await frameWith('draft-idea');
    app.stdin.write('j');
    await waitFor(() => selectedLine().includes('draft-idea'), 'draft-idea selected');
    app.stdin.write('s');
    await frameWith('started 1:draft-idea');
    expect(source.started.map((row) => [row.projectRoot, row.id])).toEqual([['/work/web', 1]]);
    app.stdin.write('x');
    await frameWith('stopped 1:draft-idea');
    expect(source.stopped.map((row) => row.slug)).toEqual(['draft-idea']);
  });

  it('acts on every key of a chunk typed faster than the table redraws', async () => {
    const source = new MemoryWatchSource(rows());
    const { app, frameWith, leaves } = mount(source);
    await frameWith('draft-idea');
    app.stdin.write('jjs');
    await frameWith('started 2:fix-tests');
    expect(source.started.map((row) => row.slug)).toEqual(['fix-tests']);
    app.stdin.write('kk\rq');
    await waitFor(() => leaves.length > 0, 'the attach');
    expect(leaves.map((leave) => (leave.kind === 'attach' ? leave.row.slug : leave.kind))).toEqual(['add-docs']);
  });

  it('shows a failed start with its hint and keeps running', async () => {
    const source = new MemoryWatchSource(rows());
    source.startError = new OrchestraError(ErrorCode.SETUP_FAILED, 'The setup script .orchestra/setup exited with code 3.', { hint: 'Fix the script and start again.' });
    const { app, frameWith, selectedLine } = mount(source);
    await frameWith('draft-idea');
    app.stdin.write('s');
    await frameWith('The setup script .orchestra/setup exited with code 3. Fix the script and start again.');
    app.stdin.write('j');
    await waitFor(() => selectedLine().includes('draft-idea'), 'the table to still respond');
  });

  it('re-lists when the source announces a change, keeping the selected task', async () => {
    const source = new MemoryWatchSource(rows());
    const { app, frameWith, selectedLine } = mount(source);
    await frameWith('draft-idea');
    app.stdin.write('j');
    await waitFor(() => selectedLine().includes('draft-idea'), 'draft-idea selected');
    // A new project sorts above, pushing the selected task down a line.
    source.setRows([taskRow({ projectRoot: '/work/aardvark', id: 9, slug: 'brand-new', status: 'running' }), ...rows()]);
    await frameWith('brand-new');
    expect(selectedLine()).toContain('draft-idea');
    expect(app.lastFrame()).toContain('4 tasks');
    // The selected task goes away: its neighbour takes the selection.
    source.setRows(rows().filter((row) => row.slug !== 'draft-idea'));
    await waitFor(() => !app.lastFrame()?.includes('draft-idea'), 'draft-idea to disappear');
    expect(selectedLine()).toContain('fix-tests');
  });

  it('coalesces a burst of change signals into one more listing', async () => {
    const source = new MemoryWatchSource(rows());
    const { frameWith } = mount(source);
    await frameWith('draft-idea');
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const list = source.list.bind(source);
    let calls = 0;
    source.list = async () => {
      calls += 1;
      await gate;
      return list();
    };
    for (let burst = 0; burst < 20; burst += 1) source.setRows([...rows(), taskRow({ id: 50 + burst, slug: `burst-${burst}` })]);
    expect(calls).toBe(1); // one listing runs; the other 19 signals only mark it stale
    release();
    await frameWith('burst-19');
    await waitFor(() => calls === 2, 'the one listing the burst left over');
  });

  it('rings the bell once when a task starts waiting for input', async () => {
    const source = new MemoryWatchSource(rows());
    const { frameWith, onBell } = mount(source);
    await frameWith('draft-idea');
    expect(onBell).not.toHaveBeenCalled(); // add-docs was already waiting when the table opened
    const waiting = rows().map((row) => (row.slug === 'fix-tests' ? { ...row, activity: 'waiting' as const, lastLine: 'Allow edit? [y/N]' } : row));
    source.setRows(waiting);
    // The bell rings as the rows arrive, before they are drawn.
    await frameWith('Allow edit?');
    expect(onBell).toHaveBeenCalledTimes(1);
    source.setRows(waiting.map((row) => ({ ...row, lastLine: `${row.lastLine ?? ''} still` })));
    await frameWith('Allow edit? [y/N] still');
    expect(onBell).toHaveBeenCalledTimes(1);
    source.setRows(waiting.map((row) => ({ ...row, activity: 'working' as const })));
    await frameWith('0 need input');
    source.setRows(waiting);
    await frameWith('2 need input');
    expect(onBell).toHaveBeenCalledTimes(2);
  });

  it('attaches only to a task whose agent runs', async () => {
    const { app, frameWith, leaves } = mount(new MemoryWatchSource(rows()));
    await frameWith('draft-idea');
    app.stdin.write('j');
    app.stdin.write('a');
    await frameWith('1:draft-idea has no running agent to attach to; press s to start it.');
    expect(leaves).toEqual([]);
    app.stdin.write('k');
    app.stdin.write('\r');
    await waitFor(() => leaves.length > 0, 'the app to leave for the attach');
    const leave = leaves[0]!;
    expect(leave.kind).toBe('attach');
    if (leave.kind !== 'attach') return;
    expect(leave.row.slug).toBe('add-docs');
    expect(leave.memory.selection.key).toBe('/work/api#1');
    expect(leave.memory.activities?.get('/work/api#1')).toBe('waiting');
  });

  it('quits on q and on Ctrl-C', async () => {
    for (const key of ['q', '\u0003']) {
      const { app, frameWith, leaves } = mount(new MemoryWatchSource(rows()));
      await frameWith('draft-idea');
      app.stdin.write(key);
      await waitFor(() => leaves.length > 0, `the app to quit on ${JSON.stringify(key)}`);
      expect(leaves).toEqual([{ kind: 'quit' }]);
      cleanup();
    }
  });

  it('says when listing fails, and recovers with r', async () => {
    const source = new MemoryWatchSource(rows());
    source.listError = new OrchestraError(ErrorCode.DAEMON, 'The daemon does not answer.', { hint: 'Run `orchestra daemon start`.' });
    const { app, frameWith } = mount(source);
    await frameWith('Cannot list the tasks: The daemon does not answer. Run `orchestra daemon start`.');
    expect(app.lastFrame()).toContain('Loading tasks…');
    source.listError = undefined;
    app.stdin.write('r');
    await frameWith('draft-idea');
    expect(app.lastFrame()).not.toContain('Cannot list');
  });

  it('redraws ages as time passes', async () => {
    let now = NOW;
    const source = new MemoryWatchSource([taskRow({ id: 1, slug: 'aging', createdAt: '2025-03-01T11:57:00Z' })]);
    const app = render(h(WatchApp, { source, now: () => now, onLeave: () => {}, onBell: () => {}, tickMs: 20 }));
    await waitFor(() => /aging.* 3m/.test(app.lastFrame() ?? ''), 'the age 3m');
    now += 2 * 60_000;
    await waitFor(() => /aging.* 5m/.test(app.lastFrame() ?? ''), 'the age 5m');
  });

  it('invites to create a task when there is none', async () => {
    const { frameWith } = mount(new MemoryWatchSource([]));
    await frameWith('No tasks yet. Create one with `orchestra new <slug>`.');
  });

  it('unsubscribes when it unmounts', async () => {
    const source = new MemoryWatchSource(rows());
    const { app, frameWith } = mount(source);
    await frameWith('draft-idea');
    expect(source.subscribers).toBe(1);
    app.unmount();
    expect(source.subscribers).toBe(0);
  });
});

describe('issue 8.8: WatchApp with forged names', () => {
  it('issue 8.8: draws slugs, agents, branches, project names and last lines escaped, each task on one line', async () => {
    const forged = '\u001b[2J\nf:1:1: e';
    const source = new MemoryWatchSource([
      taskRow({ projectRoot: `/work/we${forged}b`, id: 1, slug: `de${forged}`, status: 'running', activity: 'working', agent: `fa\u001b[31mke`, branch: 'orchestra/1-demo\u202e', lastLine: `ok\u001b[1m bold\u009b2J`, createdAt: '2025-03-01T11:57:00Z' }),
    ]);
    const { frameWith } = mount(source);
    const frame = await frameWith('1 task');
    // eslint-disable-next-line no-control-regex -- raw control characters are what must not appear
    expect(frame).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(frame.split('\n').filter((line) => line.startsWith('f:1:1'))).toEqual([]);
    expect(frame).toContain('we\\x1b[2J\\nf:1:1: eb  /work/we\\x1b[2J\\nf:1:1: eb');
    expect(frame).toContain(' de\\x1b[2J\\nf:1:1: e ');
    expect(frame).toContain(' fa\\x1b[31mke ');
    expect(frame).toContain(' orchestra/1-demo\\u202e ');
    // The agent's screen line loses its escape sequences and controls (cleanLine) instead.
    expect(frame).toContain(' ok bold2J');
  });
});
