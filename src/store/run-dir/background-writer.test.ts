import { lstat, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundFileWriter, type BatchWriter } from './background-writer.js';
import { createMirrorBatchWriter } from './mirror-worker-body.js';
import { cleanStrayTempFiles, isTempFileName } from './temp-files.js';
import * as fs from 'node:fs';
import * as path from 'node:path';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bg-writer-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('BackgroundFileWriter', () => {
  it('writes every file, creating directories, and flush waits for them', async () => {
    const dir = await tempDir();
    const writer = new BackgroundFileWriter();
    writer.write(join(dir, 'a', 'status.json'), '{"outcome":"success"}');
    writer.write(join(dir, 'b', 'status.json'), '{"outcome":"fail"}');
    await writer.flush();
    expect(await readFile(join(dir, 'a', 'status.json'), 'utf8')).toBe('{"outcome":"success"}');
    expect(await readFile(join(dir, 'b', 'status.json'), 'utf8')).toBe('{"outcome":"fail"}');
  });

  it('keeps only the latest content of a path written again before its turn, and leaves no temp files', async () => {
    const dir = await tempDir();
    const writer = new BackgroundFileWriter();
    for (let seq = 1; seq <= 50; seq++) writer.write(join(dir, 'checkpoint.json'), JSON.stringify({ seq }));
    await writer.flush();
    expect(JSON.parse(await readFile(join(dir, 'checkpoint.json'), 'utf8'))).toEqual({ seq: 50 });
    expect(await readdir(dir)).toEqual(['checkpoint.json']);
  });

  it('reports the first failed write at flush, then carries on', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'blocker'), 'a file where a directory should be');
    const writer = new BackgroundFileWriter();
    writer.write(join(dir, 'blocker', 'status.json'), '{}');
    await expect(writer.flush()).rejects.toMatchObject({ code: 'E_STORE' });
    await mkdir(join(dir, 'ok'));
    writer.write(join(dir, 'ok', 'status.json'), '{}');
    await expect(writer.flush()).resolves.toBeUndefined();
  });

  it('issue 9: a new file is created 0600 in place; an existing file or a link left there is replaced, never written through', async () => {
    const dir = await tempDir();
    const outside = join(dir, 'outside.txt');
    await writeFile(outside, 'not ours');
    await mkdir(join(dir, 'stage'));
    await symlink(outside, join(dir, 'stage', 'response.md'));
    await writeFile(join(dir, 'checkpoint.json'), 'old');
    const writer = new BackgroundFileWriter();
    writer.write(join(dir, 'stage', 'prompt.md'), 'new');
    writer.write(join(dir, 'stage', 'response.md'), 'answer');
    writer.write(join(dir, 'checkpoint.json'), () => 'current');
    await writer.flush();
    expect(await readFile(join(dir, 'stage', 'prompt.md'), 'utf8')).toBe('new');
    expect((await stat(join(dir, 'stage', 'prompt.md'))).mode & 0o777).toBe(0o600);
    expect((await lstat(join(dir, 'stage', 'response.md'))).isSymbolicLink()).toBe(false);
    expect(await readFile(join(dir, 'stage', 'response.md'), 'utf8')).toBe('answer');
    expect(await readFile(outside, 'utf8')).toBe('not ours');
    expect(await readFile(join(dir, 'checkpoint.json'), 'utf8')).toBe('current');
    expect((await readdir(dir)).sort()).toEqual(['checkpoint.json', 'outside.txt', 'stage']);
  });

  it('issue 9: one message per batch; writes to a path keep their order across batches; settle waits for that path only', async () => {
    const dir = await tempDir();
    const batches: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const writeInProcess = createMirrorBatchWriter({ fs, path, pid: process.pid, isAlive: () => false });
    const writeBatch: BatchWriter = async (files) => {
      batches.push(files.map(([file]) => file.slice(dir.length + 1)));
      if (batches.length === 1) await gate;
      return writeInProcess(files);
    };
    const writer = new BackgroundFileWriter(writeBatch);
    const file = join(dir, 'a', 'status.json');
    writer.write(file, '1');
    writer.write(join(dir, 'b', 'context.json'), '{}');
    // Someone waiting sends the batch before its window ends.
    void writer.settle(join(dir, 'b', 'context.json'));
    while (batches.length === 0) await new Promise((resolve) => setImmediate(resolve));
    // The first batch is under way: later writes wait for it and go together in the next one.
    writer.write(file, '2');
    writer.write(file, '3');
    writer.write(join(dir, 'c', 'prompt.md'), 'p');
    let settled = false;
    const settling = writer.settle(file).then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    release();
    await settling;
    expect(await readFile(file, 'utf8')).toBe('3');
    await writer.flush();
    expect(batches).toEqual([['a/status.json', 'b/context.json'], ['a/status.json', 'c/prompt.md']]);
  });

  it('issue 9: the first replace in a directory removes temp files whose writer is gone, and keeps a live writer\'s', () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'bg-writer-'));
    dirs.push(dir);
    fs.writeFileSync(join(dir, 'checkpoint.json'), 'old');
    fs.writeFileSync(join(dir, '.checkpoint.json.tmp-999999999-3'), 'half');
    fs.writeFileSync(join(dir, `.checkpoint.json.tmp-${process.pid}-7`), 'in flight');
    const writeBatch = createMirrorBatchWriter({ fs, path, pid: process.pid, isAlive: (pid) => pid === process.pid });
    expect(writeBatch([[join(dir, 'checkpoint.json'), 'new']])).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual([`.checkpoint.json.tmp-${process.pid}-7`, 'checkpoint.json']);
    expect(fs.readFileSync(join(dir, 'checkpoint.json'), 'utf8')).toBe('new');
    expect(writeBatch([[join(dir, 'checkpoint.json', 'x'), 'through a file']])).toEqual([{ path: join(dir, 'checkpoint.json', 'x'), message: expect.stringContaining('ENOTDIR') }]);
  });

  it('issue 9: the engine thread\'s temp-file cleanup leaves the worker\'s temp files of a live process alone', async () => {
    const dir = await tempDir();
    const ours = `.checkpoint.json.tmp-${process.pid}-w4`;
    const dead = '.checkpoint.json.tmp-999999999-w2';
    await writeFile(join(dir, ours), 'in flight in the worker');
    await writeFile(join(dir, dead), 'left by a crash');
    expect([ours, dead].every(isTempFileName)).toBe(true);
    expect(await cleanStrayTempFiles(dir)).toEqual([dead]);
    expect(await readdir(dir)).toEqual([ours]);
  });
});
