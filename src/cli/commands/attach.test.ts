import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/store.js';
import type { SignalSource } from '../cli-io.js';
import { CapturedOutput, createWorkspace, normalizeDurations, runCli, type Workspace } from '../testing/run-cli.js';
import { finishedRunEvents, newRun, openHomeStore } from '../testing/seed-runs.js';

let ws: Workspace;
let store: Store;
const t0 = Date.UTC(2025, 0, 2, 3, 4, 5);

beforeEach(async () => {
  ws = createWorkspace();
  store = await openHomeStore(ws.home);
});
afterEach(async () => {
  await store.close();
  ws.remove();
});

const attach = (argv: string[], extra: { stdout?: CapturedOutput; signals?: SignalSource } = {}) => runCli(['attach', ...argv], { cwd: ws.dir, home: ws.home, ...extra });

describe('orchestra attach', () => {
  it('prints the events of a finished run and exits with its result code', async () => {
    await store.createRun(newRun('done1', { startedAt: t0 }));
    await store.appendEvents('done1', finishedRunEvents(t0));
    await store.updateRun('done1', { state: 'completed', outcome: 'success', currentNode: 'exit', finishedAt: t0 + 2_000 });
    const result = await attach(['done1']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Attached to run done1 (Seeded, completed at exit). Ctrl-C detaches; the run goes on.\n');
    expect(normalizeDurations(result.stdout)).toBe(
      [
        'Running Seeded as run done1',
        '✓ work  success  <t>',
        '✓ Run done1 completed (success) in <t>. Inspect it: orchestra runs done1 --detail',
        '',
      ].join('\n'),
    );
  });

  it('prints every event and the result as JSON lines with --json', async () => {
    await store.createRun(newRun('done1', { startedAt: t0 }));
    await store.appendEvents('done1', finishedRunEvents(t0));
    await store.updateRun('done1', { state: 'completed', outcome: 'success', currentNode: 'exit', finishedAt: t0 + 2_000 });
    const result = await attach(['done1', '--json']);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.type)).toEqual(['run.started', 'node.started', 'node.completed', 'edge.selected', 'run.completed', 'result']);
    expect(lines.slice(0, 5).map((line) => line.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(lines[5]).toEqual({ type: 'result', runId: 'done1', state: 'completed', outcome: 'success', durationMs: 2_000, lastNode: 'exit' });
  });

  it('exits 130 for an interrupted run and says how to resume it', async () => {
    await store.createRun(newRun('int1', { startedAt: t0 }));
    await store.appendEvents('int1', [
      { type: 'run.started', pipeline: 'Seeded', file: '/p.dot', goal: '', resumed: false, at: t0 },
      { type: 'run.interrupted', reason: 'SIGINT', node: 'slow', at: t0 + 4_000 },
    ]);
    await store.updateRun('int1', { state: 'interrupted', currentNode: 'slow', updatedAt: t0 + 4_000 });
    const result = await attach(['int1']);
    expect(result.code).toBe(130);
    expect(normalizeDurations(result.stdout)).toContain('■ Run int1 interrupted at node slow after <t>. Resume it: orchestra resume int1\n');
  });

  it('reads past a run.interrupted when the run was resumed, up to its real end', async () => {
    await store.createRun(newRun('res1', { startedAt: t0 }));
    await store.appendEvents('res1', [
      { type: 'run.started', pipeline: 'Seeded', file: '/p.dot', goal: '', resumed: false, at: t0 },
      { type: 'run.interrupted', reason: 'SIGINT', node: 'work', at: t0 + 1 },
      { type: 'run.started', pipeline: 'Seeded', file: '/p.dot', goal: '', resumed: true, fromCheckpoint: 1, at: t0 + 2 },
      { type: 'run.failed', error: 'exit code 1', node: 'work', durationMs: 700, at: t0 + 3 },
    ]);
    await store.updateRun('res1', { state: 'failed', currentNode: 'work', error: 'exit code 1', finishedAt: t0 + 3 });
    const result = await attach(['res1']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Resuming Seeded as run res1 from checkpoint 1\n');
    expect(result.stdout).toContain('✗ Run res1 failed at node work after 700ms: exit code 1.');
  });

  it('follows a live run: events committed after attaching arrive, and it exits when the run ends', async () => {
    await store.createRun(newRun('live1', { startedAt: Date.now() }));
    expect(await store.acquireLease('live1', 'host:1:x', 60_000, Date.now())).toBe(true);
    const [started, ...rest] = finishedRunEvents(Date.now());
    await store.appendEvents('live1', [started!]);
    const stdout = new CapturedOutput();
    const attached = attach(['live1', '--json'], { stdout });
    await stdout.waitFor('"type":"run.started"');
    expect(stdout.text()).not.toContain('node.completed');
    await store.appendEvents('live1', rest.slice(0, 2));
    await stdout.waitFor('"type":"node.completed"');
    await store.updateRun('live1', { state: 'completed', outcome: 'success', currentNode: 'exit', finishedAt: Date.now() });
    await store.appendEvents('live1', rest.slice(2));
    const result = await attached;
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { type: string }).type)).toEqual([
      'run.started',
      'node.started',
      'node.completed',
      'edge.selected',
      'run.completed',
      'result',
    ]);
  });

  it('shows what a live run waits for (attach cannot answer)', async () => {
    await store.createRun(newRun('gate1', { startedAt: Date.now() }));
    expect(await store.acquireLease('gate1', 'host:1:x', 60_000, Date.now())).toBe(true);
    await store.appendEvents('gate1', [
      { type: 'interview.started', node: 'review', question: 'Ship it?', options: [{ key: 'A', label: 'Approve' }, { key: 'F', label: 'Fix' }], at: Date.now() },
    ]);
    const stdout = new CapturedOutput();
    const attached = attach(['gate1'], { stdout });
    await stdout.waitFor('? review  waiting for an answer: Ship it? ([A] Approve, [F] Fix)\n');
    await store.updateRun('gate1', { state: 'interrupted' });
    await store.appendEvents('gate1', [{ type: 'run.interrupted', reason: 'SIGINT', node: 'review', at: Date.now() }]);
    expect((await attached).code).toBe(130);
  });

  it('gives up on a run that says running but has no process driving it', async () => {
    await store.createRun(newRun('dead1', { startedAt: t0 }));
    await store.acquireLease('dead1', 'host:99:x', 1_000, t0);
    const result = await attach(['dead1']);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Run dead1 is marked running, but no process drives it (its lease lapsed).\n');
    expect(result.stdout).toContain('Resume it: orchestra resume dead1\n');
  });

  it('detaches on Ctrl-C with exit 130, leaving the run alone', async () => {
    await store.createRun(newRun('live2', { startedAt: Date.now() }));
    expect(await store.acquireLease('live2', 'host:1:x', 60_000, Date.now())).toBe(true);
    await store.appendEvents('live2', finishedRunEvents(Date.now()).slice(0, 1));
    const emitter = new EventEmitter();
    const signals: SignalSource = { on: (name, fn) => emitter.on(name, fn), off: (name, fn) => emitter.off(name, fn) };
    const stdout = new CapturedOutput();
    const attached = attach(['live2'], { stdout, signals });
    await stdout.waitFor('Running Seeded as run live2');
    emitter.emit('SIGINT');
    const result = await attached;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Detached from run live2; it goes on. Attach again: orchestra attach live2\n');
    expect((await store.getRun('live2'))?.state).toBe('running');
    expect(emitter.listenerCount('SIGINT')).toBe(0);
  });

  it('fails with E_RUN_NOT_FOUND for an unknown run', async () => {
    const result = await attach(['nope']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('error[E_RUN_NOT_FOUND]: No run has an id starting with "nope".\n  hint: See the run ids with `orchestra runs` (ORCHESTRA_HOME selects the store).\n');
  });
});
