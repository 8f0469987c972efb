import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/store.js';
import { createWorkspace, runCli, type Workspace } from '../testing/run-cli.js';
import { newRun, openHomeStore } from '../testing/seed-runs.js';

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

const status = (...argv: string[]) => runCli(['runs', ...argv], { cwd: ws.dir, home: ws.home });

async function seedFinished(id: string, startedAt: number, state: 'completed' | 'failed' | 'interrupted' = 'completed') {
  await store.createRun(newRun(id, { startedAt }));
  await store.updateRun(id, { state, currentNode: 'exit', finishedAt: startedAt + 2_000, updatedAt: startedAt + 2_000, ...(state === 'completed' && { outcome: 'success' }) });
}

describe('orchestra runs (list)', () => {
  it('says where it looked when there are no runs', async () => {
    const result = await status();
    expect(result).toEqual({ code: 0, stdout: `No runs yet in ${ws.home}/orchestra.db. Start one: orchestra run <file>\n`, stderr: '' });
  });

  it('lists runs newest first with state, node and duration', async () => {
    await seedFinished('aaa111', t0);
    await seedFinished('bbb222', t0 + 60_000, 'failed');
    const result = await status();
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RUN\s+PIPELINE\s+STATE\s+NODE\s+STARTED\s+DURATION$/);
    expect(lines[1]).toMatch(/^bbb222\s+Seeded\s+failed\s+exit\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+2\.0s$/);
    expect(lines[2]).toMatch(/^aaa111\s+Seeded\s+completed\s+exit\s+\S+ \S+\s+2\.0s$/);
    expect(lines).toHaveLength(3);
  });

  it('shows a running run without a live lease as interrupted? (its process is gone)', async () => {
    await store.createRun(newRun('stale1', { startedAt: Date.now() - 5_000 }));
    await store.createRun(newRun('live1', { startedAt: Date.now() - 1_000 }));
    expect(await store.acquireLease('live1', 'host:1:abc', 60_000, Date.now())).toBe(true);
    await store.createRun(newRun('lapsed', { startedAt: Date.now() - 500 }));
    expect(await store.acquireLease('lapsed', 'host:2:abc', 1, Date.now() - 10_000)).toBe(true);
    const { stdout } = await status();
    expect(stdout).toMatch(/^stale1\s+Seeded\s+interrupted\?/m);
    expect(stdout).toMatch(/^live1\s+Seeded\s+running/m);
    expect(stdout).toMatch(/^lapsed\s+Seeded\s+interrupted\?/m);
  });

  it('shows the 20 newest runs unless --all', async () => {
    for (let i = 0; i < 21; i++) await seedFinished(`run${String(i).padStart(2, '0')}`, t0 + i * 1_000);
    const limited = await status();
    expect(limited.stdout).not.toMatch(/^run00 /m);
    expect(limited.stdout).toMatch(/^run20 /m);
    expect(limited.stdout).toContain('(the 20 newest runs; `orchestra runs --all` lists every run)');
    const all = await status('--all');
    expect(all.stdout).toMatch(/^run00 /m);
    expect(all.stdout.trimEnd().split('\n')).toHaveLength(22);
  });

  it('prints { runs, more } with --json, without the DOT source', async () => {
    await seedFinished('aaa111', t0);
    const result = await status('--json');
    const parsed = JSON.parse(result.stdout) as { runs: Array<Record<string, unknown>>; more: boolean };
    expect(parsed.more).toBe(false);
    expect(parsed.runs).toHaveLength(1);
    expect(parsed.runs[0]).toMatchObject({ id: 'aaa111', pipeline: 'Seeded', state: 'completed', displayState: 'completed', durationMs: 2_000, currentNode: 'exit' });
    expect(parsed.runs[0]).not.toHaveProperty('source');
  });

  it('rejects --detail without a run', async () => {
    const result = await status('--detail');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error[E_USAGE]: --detail needs a run.\n  hint: Name one: `orchestra runs <run> --detail` (see the ids with `orchestra runs`).\n');
  });
});

describe('orchestra runs RUN', () => {
  beforeEach(async () => {
    await store.createRun(newRun('abc111', { startedAt: t0, variables: { pr: '12' } }));
    await store.createRun(newRun('abc222', { startedAt: t0 + 1 }));
    await store.updateRun('abc222', { state: 'interrupted', currentNode: 'work', updatedAt: t0 + 3_000 });
  });

  it('shows one run by unambiguous prefix, with the next step', async () => {
    const result = await status('abc2');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Run:       abc222\n');
    expect(result.stdout).toContain('Pipeline:  Seeded (/pipelines/seeded.dot)\n');
    expect(result.stdout).toContain('State:     interrupted\n');
    expect(result.stdout).toContain('Node:      work\n');
    expect(result.stdout).toContain('Duration:  3.0s\n');
    expect(result.stdout).toContain('Run dir:   /runs/abc222\n');
    expect(result.stdout).toContain('\nResume it: orchestra resume abc222\n');
    expect(result.stdout).not.toContain('Nodes:');
  });

  it('shows variables', async () => {
    expect((await status('abc1')).stdout).toContain('Variables: pr=12\n');
  });

  it('shows node history and checkpoints with --detail', async () => {
    await store.recordNodeStart({ runId: 'abc222', nodeId: 'start', index: 1, attempt: 1, handler: 'start', startedAt: t0 });
    await store.recordNodeEnd('abc222', 1, { status: 'success', finishedAt: t0 + 5, notes: undefined, failureReason: undefined });
    await store.recordNodeStart({ runId: 'abc222', nodeId: 'work', index: 2, attempt: 1, handler: 'codergen', startedAt: t0 + 10 });
    await store.recordNodeEnd('abc222', 2, { status: 'fail', finishedAt: t0 + 310, notes: undefined, failureReason: 'exit code 1' });
    await store.commitCheckpoint(
      'abc222',
      { v: 1, seq: 1, timestamp: t0 + 6, currentNode: 'start', nextNode: 'work', completedNodes: ['start'], nodeOutcomes: { start: { status: 'success' } }, nodeRetries: {}, context: {}, logs: [], loopRestarts: 0 },
      {},
      [],
    );
    const { stdout } = await status('abc222', '--detail');
    expect(stdout).toMatch(/Nodes:\n {2}#\s+NODE\s+ATTEMPT\s+STATUS\s+DURATION\s+NOTES\n {2}1\s+start\s+1\s+success\s+5ms\n {2}2\s+work\s+1\s+fail\s+300ms\s+exit code 1\n/);
    expect(stdout).toMatch(/Checkpoints:\n {2}#\s+AFTER\s+NEXT\s+SAVED\n {2}1\s+start\s+work\s+\d{4}-/);
  });

  it('says so when nothing ran yet', async () => {
    const { stdout } = await status('abc1', '--detail');
    expect(stdout).toContain('Nodes: none executed yet');
    expect(stdout).toContain('Checkpoints: none yet (a resume starts at the start node)');
  });

  it('prints { run, nodes, checkpoints } with --json --detail', async () => {
    const parsed = JSON.parse((await status('abc222', '--json', '--detail')).stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({ run: { id: 'abc222', displayState: 'interrupted' }, nodes: [], checkpoints: [] });
  });

  it('fails with E_RUN_NOT_FOUND (exit 3) for an unknown run', async () => {
    const result = await status('zzz');
    expect(result).toEqual({
      code: 3,
      stdout: '',
      stderr: 'error[E_RUN_NOT_FOUND]: No run has an id starting with "zzz".\n  hint: See the run ids with `orchestra runs` (ORCHESTRA_HOME selects the store).\n',
    });
  });

  it('fails with E_RUN_AMBIGUOUS (exit 2) listing the candidates', async () => {
    const result = await status('abc');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error[E_RUN_AMBIGUOUS]: "abc" matches 2 runs.\n  abc222  Seeded  interrupted\n  abc111  Seeded  running\n  hint: Give more characters of the run id.\n',
    );
  });
});
