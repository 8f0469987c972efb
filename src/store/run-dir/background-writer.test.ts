import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundFileWriter } from './background-writer.js';

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
});
