import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { Store } from '../../store/store.js';
import { resumeRun, startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, whenStarted, type EngineHarness } from '../testing/engine-harness.js';
import type { ScriptStep } from '../testing/scripted-handler.js';

let harness: EngineHarness;
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => {});
  await harness?.cleanup();
});

const good = `digraph G { start [shape=Mdiamond]; work; done [shape=Msquare]; start -> work -> done }`;

describe('startRun', () => {
  it('refuses a pipeline with error diagnostics, listing them, and creates no run', async () => {
    harness = await createEngineHarness();
    const file = pipelineFile(harness);
    const bad = `digraph G { start [shape=Mdiamond]; work; start -> work; lonely }`;
    const error = await startRun({ file, source: bad }, harness.engine()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_VALIDATION' });
    expect((error as Error).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has \\d+ errors; the first: `));
    expect((error as { detail: string }).detail).toContain('error[');
    expect(await harness.store.listRuns()).toEqual([]);
  });

  it('issue 8.6: refuses a run variable with a reserved name, and creates no run', async () => {
    harness = await createEngineHarness();
    const error = await startRun({ file: pipelineFile(harness), source: good, variables: { NODE_OPTIONS: '--require /tmp/evil.js' } }, harness.engine()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_VARIABLE', message: expect.stringContaining('"NODE_OPTIONS" has a reserved name') as unknown });
    expect(await harness.store.listRuns()).toEqual([]);
  });

  it('issue 8.6: refuses to resume a stored run whose variables use a reserved name', async () => {
    harness = await createEngineHarness();
    const file = pipelineFile(harness);
    await harness.store.createRun({ id: 'old', pipeline: 'G', file, source: good, goal: '', logsRoot: join(harness.runsDir, 'old'), variables: { PATH: '/tmp/evil' }, options: {}, startedAt: 0 });
    await expect(resumeRun('old', harness.engine())).rejects.toMatchObject({ code: 'E_VARIABLE' });
    expect(await harness.store.getRun('old')).toMatchObject({ state: 'running' });
  });

  it('a missing file is E_FILE_NOT_FOUND naming it', async () => {
    harness = await createEngineHarness();
    const file = join(harness.runsDir, 'nope.dot');
    await expect(startRun({ file }, harness.engine())).rejects.toMatchObject({ code: 'E_FILE_NOT_FOUND', message: `Pipeline file ${file} does not exist.` });
  });

  it('a DOT syntax error is E_DOT_SYNTAX', async () => {
    harness = await createEngineHarness();
    await expect(startRun({ file: pipelineFile(harness), source: 'graph G { a -- b }' }, harness.engine())).rejects.toMatchObject({ code: 'E_DOT_SYNTAX' });
  });

  it('uses logsRoot when given, and records file, source, variables and options', async () => {
    harness = await createEngineHarness();
    const logsRoot = join(harness.runsDir, 'mine');
    const handle = await startRun({ file: pipelineFile(harness), source: good, logsRoot, variables: { a: 'b' }, options: { simulate: true } }, harness.engine());
    await handle.result();
    expect(handle.logsRoot).toBe(logsRoot);
    expect(await harness.store.getRun(handle.runId)).toMatchObject({ logsRoot, file: pipelineFile(harness), source: good, variables: { a: 'b' }, options: { simulate: true } });
  });

  it('holds the lease while the run is driven and releases it at the end', async () => {
    let leaseDuringRun: unknown;
    const probe: ScriptStep = async (input) => {
      leaseDuringRun = await input.services.store.getLease(input.run.id);
      return { status: 'success' };
    };
    harness = await createEngineHarness({ script: { work: [probe] } });
    const handle = await startRun({ file: pipelineFile(harness), source: good }, harness.engine({ leaseTtlMs: 60_000 }));
    await handle.result();
    expect(leaseDuringRun).toMatchObject({ owner: 'test-host:1:owner', expiresAt: harness.clock.now() + 60_000 });
    expect(await harness.store.getLease(handle.runId)).toBeUndefined();
  });
});

describe('with the SQLite store', () => {
  it('runs a pipeline and the state is readable from a second connection', async () => {
    harness = await createEngineHarness();
    const dbPath = join(harness.runsDir, 'orchestra.db');
    const store = await openSqliteStore(dbPath);
    stores.push(store);
    const handle = await startRun({ file: pipelineFile(harness), source: good }, harness.engine({ store }));
    expect(await handle.result()).toMatchObject({ state: 'completed' });
    const reader = await openSqliteStore(dbPath);
    stores.push(reader);
    expect(await reader.getRun(handle.runId)).toMatchObject({ state: 'completed', currentNode: 'done' });
    expect(await reader.latestCheckpoint(handle.runId)).toMatchObject({ currentNode: 'done', nextNode: null, completedNodes: ['start', 'work', 'done'] });
    expect((await reader.readEvents(handle.runId, 0)).map((event) => event.seq)).toEqual(harness.events.map((event) => event.seq));
  });

  it('an interrupted run resumes from a fresh store connection, as after a restart', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    harness = await createEngineHarness({
      script: {
        work: [
          (input) =>
            new Promise((resolve) => {
              input.signal.addEventListener('abort', () => resolve({ status: 'fail' }));
              release();
            }),
          { status: 'success' },
        ],
      },
    });
    const dbPath = join(harness.runsDir, 'orchestra.db');
    const first = await openSqliteStore(dbPath);
    const controller = new AbortController();
    const handle = await startRun({ file: pipelineFile(harness), source: good }, harness.engine({ store: first, signal: controller.signal }));
    await whenStarted(blocked, handle);
    controller.abort();
    expect((await handle.result()).state).toBe('interrupted');
    await first.close();

    const second = await openSqliteStore(dbPath);
    stores.push(second);
    const result = await (await resumeRun(handle.runId, harness.engine({ store: second }))).result();
    expect(result.state).toBe('completed');
    expect(Object.fromEntries(harness.handler.calls)).toEqual({ start: 1, work: 2, done: 1 });
    expect((await second.readEvents(handle.runId, 0)).map((event) => event.seq)).toEqual(Array.from({ length: harness.events.length }, (_, i) => i + 1));
  });
});
