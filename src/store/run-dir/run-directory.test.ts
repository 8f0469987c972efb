import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Checkpoint } from '../types.js';
import { toCheckpointFile } from './checkpoint-file.js';
import type { RunManifest } from './manifest.js';
import { RunDirectory } from './run-directory.js';
import { readStatusFile, writeStatus } from './status-file.js';

const checkpoint: Checkpoint = {
  v: 1,
  seq: 2,
  timestamp: 5,
  currentNode: 'plan',
  nextNode: null,
  completedNodes: ['start', 'plan'],
  nodeOutcomes: { plan: { status: 'success', notes: 'planned' } },
  nodeRetries: {},
  context: { 'graph.goal': 'g' },
  logs: [],
  loopRestarts: 0,
};

const manifest: RunManifest = {
  runId: 'r1',
  pipeline: 'review',
  file: '/work/review.dot',
  goal: 'Review PR 123',
  startedAt: 1_700_000_000_000,
  variables: { pr_number: '123' },
  parentRunId: 'r0',
  parentCheckpoint: 4,
};

describe('RunDirectory', () => {
  let base: string;
  let run: RunDirectory;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'orchestra-rundir-'));
    run = new RunDirectory(join(base, 'runs', 'r1'), { fileThresholdBytes: 10 });
    await run.create();
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('writes and reads manifest.json in snake_case', async () => {
    await run.writeManifest(manifest);
    expect(JSON.parse(await readFile(run.manifestPath, 'utf8'))).toEqual({
      v: 1,
      run_id: 'r1',
      pipeline: 'review',
      name: 'review',
      file: '/work/review.dot',
      goal: 'Review PR 123',
      started_at: 1_700_000_000_000,
      start_time: '2023-11-14T22:13:20.000Z',
      variables: { pr_number: '123' },
      parent_run_id: 'r0',
      parent_checkpoint: 4,
    });
    expect(await run.readManifest()).toEqual(manifest);
  });

  it('issue 9: manifest.json gives the graph name and an ISO start_time (Attractor §5.6); one written before them still reads', async () => {
    await run.writeManifest(manifest);
    const file = JSON.parse(await readFile(run.manifestPath, 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ name: 'review', start_time: '2023-11-14T22:13:20.000Z' });
    delete file['name'];
    delete file['start_time'];
    await writeFile(run.manifestPath, JSON.stringify(file));
    expect(await run.readManifest()).toEqual(manifest);
  });

  it('decision 10: writes checkpoint.json with current_node and next_node null, and reads it back', async () => {
    await run.writeCheckpoint(checkpoint);
    const file = JSON.parse(await readFile(run.checkpointPath, 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ current_node: 'plan', next_node: null, completed_nodes: ['start', 'plan'] });
    expect(await run.readCheckpoint()).toEqual(checkpoint);
  });

  it('reads nothing before anything was written', async () => {
    expect(await run.readManifest()).toBeUndefined();
    expect(await run.readCheckpoint()).toBeUndefined();
  });

  it('ignores a stray temp checkpoint from a crash and cleans it on the next write', async () => {
    // As a crashed process left it: a complete checkpoint.json and a half-written temp file.
    const crashed = new RunDirectory(join(base, 'runs', 'crashed'));
    await crashed.create();
    await writeFile(crashed.checkpointPath, JSON.stringify(toCheckpointFile(checkpoint)));
    await writeFile(join(crashed.root, '.checkpoint.json.tmp-999999999'), '{"seq": 3, "current_no');
    expect(await crashed.readCheckpoint()).toEqual(checkpoint);
    await crashed.writeCheckpoint({ ...checkpoint, seq: 3 });
    expect(await readdir(crashed.root)).toEqual(['checkpoint.json']);
    expect((await crashed.readCheckpoint())?.seq).toBe(3);
  });

  it('names a damaged file', async () => {
    await writeFile(run.manifestPath, '{"v": 1, "run_id": 7}');
    await expect(run.readManifest()).rejects.toMatchObject({
      code: 'E_FILE_READ',
      message: `${run.manifestPath} has an invalid "run_id" value: Invalid input: expected string, received number`,
    });
    await writeFile(run.checkpointPath, 'not json');
    await expect(run.readCheckpoint()).rejects.toMatchObject({ code: 'E_FILE_READ', message: expect.stringMatching(/ is not valid JSON \(/) });
  });

  it.each([
    ['plan', undefined, 'plan'],
    ['plan', { restart: 1 }, 'restart-1/plan'],
  ])('decision 9 / 6: creates the stage directory of %s with %j at %s', async (nodeId, scope, relativePath) => {
    const dir = await run.stageDir(nodeId, scope);
    expect(dir).toBe(join(run.root, relativePath));
    expect((await stat(dir)).isDirectory()).toBe(true);
    expect(run.stagePath(nodeId, scope)).toBe(dir);
  });

  it('decision 18: status.json written for a stage is read back as the same outcome', async () => {
    const dir = await run.stageDir('plan');
    await writeStatus(dir, { status: 'retry', notes: 'flaky', contextUpdates: { tries: 2 } });
    expect(JSON.parse(await readFile(join(dir, 'status.json'), 'utf8'))).toEqual({ outcome: 'retry', notes: 'flaky', context_updates: { tries: 2 } });
    expect(await readStatusFile(dir)).toEqual({ status: 'retry', notes: 'flaky', contextUpdates: { tries: 2 } });
  });

  it('stores large artifacts under artifacts/', async () => {
    expect(run.artifactsDir).toBe(join(run.root, 'artifacts'));
    const info = await run.storeArtifact('report', 'Report', 'a long report');
    expect(info.isFileBacked).toBe(true);
    expect(await readFile(join(run.artifactsDir, 'report.json'), 'utf8')).toBe('"a long report"');
  });
});
