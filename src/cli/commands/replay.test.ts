import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, runCli, type Workspace } from '../testing/run-cli.js';
import { smallPipeline } from '../testing/pipelines.js';
import { openHomeStore } from '../testing/seed-runs.js';
import { parseCheckpointNumber } from './replay.js';

let ws: Workspace;
let original: string;
beforeEach(async () => {
  ws = createWorkspace();
  ws.write('small.dot', smallPipeline);
  const run = await runCli(['run', 'small.dot', '--simulate', '--quiet'], { cwd: ws.dir, home: ws.home });
  original = /Run (\w+)/.exec(run.stdout)?.[1] ?? '';
});
afterEach(() => ws.remove());

const cli = (...argv: string[]) => runCli(argv, { cwd: ws.dir, home: ws.home });

describe('orchestra replay', () => {
  it('forks a new run from a checkpoint and leaves the original untouched', async () => {
    const store = await openHomeStore(ws.home);
    try {
      const before = await store.listNodeRecords(original);
      const result = await cli('replay', original, '--checkpoint', '2');
      expect(result.code).toBe(0);
      const replayed = /Run (\w+) completed/.exec(result.stdout)?.[1];
      expect(replayed).toBeDefined();
      expect(replayed).not.toBe(original);
      // Checkpoint 2 was taken after `plan`: the replay runs build and exit only.
      expect(result.stdout).not.toContain('✓ plan');
      expect(result.stdout).toContain('✓ build  success');
      const fork = await store.getRun(replayed!);
      expect(fork).toMatchObject({ parentRunId: original, parentCheckpoint: 2, state: 'completed' });
      expect(await store.listNodeRecords(original)).toEqual(before);
      expect((await cli('runs', replayed!)).stdout).toContain(`Replay of: ${original} checkpoint 2\n`);
    } finally {
      await store.close();
    }
  });

  it('fails with E_CHECKPOINT_NOT_FOUND (exit 3) for a checkpoint the run does not have', async () => {
    const result = await cli('replay', original, '--checkpoint', '99');
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^error\[E_CHECKPOINT_NOT_FOUND\]: .*99/);
  });

  it('requires --checkpoint', async () => {
    const result = await cli('replay', original);
    expect(result).toEqual({ code: 2, stdout: '', stderr: "error[E_USAGE]: required option '--checkpoint <n>' not specified\n  hint: See `orchestra replay --help`.\n" });
  });
});

describe('parseCheckpointNumber', () => {
  it.each([
    ['1', 1],
    ['12', 12],
    [' 3 ', 3],
  ])('%j → %i', (text, n) => {
    expect(parseCheckpointNumber(text)).toBe(n);
  });

  it.each(['0', '-1', 'x', '1.5', '', '2e3'])('rejects %j with E_USAGE', (text) => {
    expect(() => parseCheckpointNumber(text)).toThrow(
      expect.objectContaining({
        code: 'E_USAGE',
        message: `--checkpoint expects a checkpoint number (1, 2, ...), got "${text}".`,
        hint: 'See the checkpoints of a run with `orchestra runs <run> --detail`.',
      }),
    );
  });
});
