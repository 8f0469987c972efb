import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../store/memory/index.js';
import type { Store } from '../../store/store.js';
import type { Checkpoint } from '../../store/types.js';
import { RunMirror, toRunFilePath } from './run-mirror.js';

let dir: string;
let store: Store;
let now: number;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orchestra-mirror-'));
  store = createMemoryStore();
  now = 1_000_000;
  await store.createRun({ id: 'r1', pipeline: 'p', file: 'p.dot', source: 'digraph p {}', goal: '', logsRoot: dir, variables: {}, options: {}, startedAt: now });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function checkpoint(seq: number): Checkpoint {
  return { v: 1, seq, timestamp: now, currentNode: `n${seq}`, nextNode: null, completedNodes: [`n${seq}`], nodeOutcomes: {}, nodeRetries: {}, context: {}, logs: [], loopRestarts: 0 };
}

const checkpointOnDisk = () => (JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8')) as { seq: number }).seq;

describe('issue 9: RunMirror', () => {
  it.each([
    ['plan/prompt.md', 'plan/prompt.md'],
    ['par/branches/b1/x/status.json', 'par/branches/b1/x/status.json'],
  ])('stores %s as %s relative to the run directory, then writes it', async (path, stored) => {
    const mirror = new RunMirror(store, 'r1', dir, () => now);
    mirror.write(join(dir, path), 'text');
    await mirror.flush();
    expect(await store.listRunFiles('r1')).toEqual([{ path: stored, content: 'text' }]);
    expect(readFileSync(join(dir, path), 'utf8')).toBe('text');
    expect(toRunFilePath(dir, join(dir, path))).toBe(stored);
  });

  it('rewrites checkpoint.json at most once a second, and the latest at flush', async () => {
    const mirror = new RunMirror(store, 'r1', dir, () => now);
    mirror.checkpoint(checkpoint(1));
    await mirror.settle(join(dir, 'checkpoint.json'));
    expect(checkpointOnDisk()).toBe(1);
    now += 500;
    mirror.checkpoint(checkpoint(2));
    await mirror.settle(join(dir, 'checkpoint.json'));
    expect(checkpointOnDisk()).toBe(1);
    now += 600;
    mirror.checkpoint(checkpoint(3));
    await mirror.settle(join(dir, 'checkpoint.json'));
    expect(checkpointOnDisk()).toBe(3);
    mirror.checkpoint(checkpoint(4));
    await mirror.flush();
    expect(checkpointOnDisk()).toBe(4);
  });

  it('writes nothing to disk that the store refused, and flush reports it', async () => {
    const mirror = new RunMirror(store, 'ghost', dir, () => now);
    mirror.write(join(dir, 'x', 'prompt.md'), 'text');
    await expect(mirror.flush()).rejects.toMatchObject({ code: 'E_RUN_NOT_FOUND' });
    expect(existsSync(join(dir, 'x', 'prompt.md'))).toBe(false);
  });
});
