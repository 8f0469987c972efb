import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildStoreForChild, runThenKill } from '../child-process.case.js';
import { cleanStrayTempFiles, isTempFileName } from './temp-files.js';
import { writeFileAtomic, writeJsonAtomic } from './write-file-atomic.js';

/** A pid no process has: Linux pids stay below 2^22. */
const deadPid = 999_999_999;

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orchestra-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['text', 'hello\n', 'hello\n'],
    ['bytes', new Uint8Array([104, 105]), 'hi'],
  ])('writes %s, replaces the old content and leaves no temp file', async (_label, data, expected) => {
    const target = join(dir, 'file.txt');
    await writeFile(target, 'old');
    await writeFileAtomic(target, data);
    expect(await readFile(target, 'utf8')).toBe(expected);
    expect(await readdir(dir)).toEqual(['file.txt']);
  });

  it('writes durably, creating missing directories', async () => {
    const target = join(dir, 'a', 'b', 'checkpoint.json');
    await writeJsonAtomic(target, { seq: 1, next_node: null }, { durable: true });
    expect(await readFile(target, 'utf8')).toBe('{\n  "seq": 1,\n  "next_node": null\n}\n');
  });

  it('leaves the target and the directory as they were when the write fails', async () => {
    const target = join(dir, 'file.txt');
    await writeFile(target, 'old');
    await expect(writeFileAtomic(target, 42 as unknown as string)).rejects.toMatchObject({
      code: 'E_STORE',
      message: expect.stringMatching(new RegExp(`^cannot write ${target}: `)),
    });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['file.txt']);
  });

  it('names the file when a value is not JSON', async () => {
    const target = join(dir, 'x.json');
    await expect(writeJsonAtomic(target, { n: 1n })).rejects.toMatchObject({
      code: 'E_STORE',
      message: `cannot write ${target}: the value cannot be stored as JSON (Do not know how to serialize a BigInt)`,
    });
  });

  it('cleans stray temp files of dead writers the next time the directory is written', async () => {
    const stray = `.checkpoint.json.tmp-${deadPid}`;
    await writeFile(join(dir, stray), '{"half": ');
    await writeFile(join(dir, `.manifest.json.tmp-${deadPid}-7`), '');
    const mine = `.other.json.tmp-${process.pid}-999999`;
    await writeFileAtomic(join(dir, 'checkpoint.json'), '{}');
    expect((await readdir(dir)).sort()).toEqual(['checkpoint.json']);
    // One with this process's pid that no write has in flight is a leftover of a failed write.
    await writeFile(join(dir, mine), '');
    expect(await cleanStrayTempFiles(dir)).toEqual([mine]);
  });

  it('keeps temp files of live processes', async () => {
    const live = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const name = `.checkpoint.json.tmp-${live.pid}-1`;
      await writeFile(join(dir, name), '');
      expect(await cleanStrayTempFiles(dir)).toEqual([]);
      expect(await readdir(dir)).toEqual([name]);
    } finally {
      live.kill('SIGKILL');
    }
  });

  it.each([
    ['.checkpoint.json.tmp-123', true],
    ['.checkpoint.json.tmp-123-4', true],
    ['checkpoint.json', false],
    ['.checkpoint.json', false],
    ['.x.tmp-abc', false],
  ])('%s is a temp file: %s', (name, expected) => {
    expect(isTempFileName(name)).toBe(expected);
  });
});

/** Rewrites checkpoint.json with one of two large contents, printing the count after each write. */
const rewriter = `
import { writeFileAtomic } from './store/run-dir/write-file-atomic.js';
const contents = ['a', 'b'].map((c) => c.repeat(2_000_000));
for (let n = 1; ; n++) {
  await writeFileAtomic(process.env.TARGET, contents[n % 2], { durable: n % 3 === 0 });
  process.stdout.write(n + '\\n');
}
`;

describe('writeFileAtomic in a process killed with SIGKILL', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'orchestra-atomic-crash-'));
    await buildStoreForChild(out);
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('never leaves a half-written target', async () => {
    const target = join(out, 'run', 'checkpoint.json');
    await runThenKill(out, rewriter, { TARGET: target }, 15);
    const content = await readFile(target, 'utf8');
    expect(content.length).toBe(2_000_000);
    expect(new Set(content).size).toBe(1);
    // Whatever temp file the kill left is removed by the next write.
    await writeFileAtomic(target, 'next');
    expect(await readdir(join(out, 'run'))).toEqual(['checkpoint.json']);
  });
});
