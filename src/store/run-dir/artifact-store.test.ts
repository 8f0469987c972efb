import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArtifactStore } from './artifact-store.js';

describe('ArtifactStore', () => {
  let dir: string;
  let now: number;
  const create = (baseDir: string | null = dir) => new ArtifactStore(baseDir ?? undefined, { now: () => now, fileThresholdBytes: 100 });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orchestra-artifacts-'));
    now = 1_000;
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a small artifact in memory, as a copy', async () => {
    const store = create();
    const data = { findings: ['a'] };
    expect(await store.store('review', 'Review findings', data)).toEqual({ id: 'review', name: 'Review findings', sizeBytes: 18, storedAt: 1_000, isFileBacked: false });
    data.findings.push('changed');
    expect(await store.retrieve('review')).toEqual({ findings: ['a'] });
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    [100, false],
    [101, true],
  ])('an artifact of %i bytes with a 100-byte threshold is file-backed: %s', async (size, fileBacked) => {
    const store = create();
    const data = 'x'.repeat(size - 2); // JSON adds the two quotes
    const info = await store.store('big', 'Big', data);
    expect(info).toMatchObject({ sizeBytes: size, isFileBacked: fileBacked });
    expect(await store.retrieve('big')).toBe(data);
    expect(await readdir(dir)).toEqual(fileBacked ? ['artifacts'] : []);
  });

  it('writes large artifacts to artifacts/{id}.json and removes the file with the artifact', async () => {
    const store = create();
    await store.store('log', 'Build log', { lines: 'y'.repeat(200) });
    expect(JSON.parse(await readFile(join(dir, 'artifacts', 'log.json'), 'utf8'))).toEqual({ lines: 'y'.repeat(200) });
    expect(store.has('log')).toBe(true);
    await store.remove('log');
    expect(store.has('log')).toBe(false);
    expect(await readdir(join(dir, 'artifacts'))).toEqual([]);
  });

  it('stays in memory without a base directory, whatever the size', async () => {
    const store = create(null);
    expect((await store.store('big', 'Big', 'z'.repeat(500))).isFileBacked).toBe(false);
  });

  it('replaces an artifact stored again under the same id, dropping its old file', async () => {
    const store = create();
    await store.store('a', 'A', 'q'.repeat(300));
    now = 2_000;
    await store.store('a', 'A again', 'small');
    expect(store.list()).toEqual([{ id: 'a', name: 'A again', sizeBytes: 7, storedAt: 2_000, isFileBacked: false }]);
    expect(await readdir(join(dir, 'artifacts'))).toEqual([]);
  });

  it('lists and clears everything', async () => {
    const store = create();
    await store.store('a', 'A', 1);
    await store.store('b', 'B', 'w'.repeat(300));
    expect(store.list().map((info) => [info.id, info.isFileBacked])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    await store.clear();
    expect(store.list()).toEqual([]);
    expect(await readdir(join(dir, 'artifacts'))).toEqual([]);
  });

  it.each([
    ['a missing artifact', async (store: ArtifactStore) => store.retrieve('nope'), 'E_STORE', 'artifact "nope" does not exist'],
    ['an id that is a path', async (store: ArtifactStore) => store.store('../x', 'X', 1), 'E_USAGE', 'artifact id "../x" cannot name a file in the run directory: it contains "/", "\\" or a NUL character'],
    ['a BigInt', async (store: ArtifactStore) => store.store('n', 'N', 1n), 'E_STORE', 'artifact "n" cannot be stored as JSON: Do not know how to serialize a BigInt'],
    ['undefined', async (store: ArtifactStore) => store.store('u', 'U', undefined), 'E_STORE', 'artifact "u" has no JSON value (got undefined)'],
  ])('rejects %s', async (_label, call, code, message) => {
    await expect(call(create())).rejects.toMatchObject({ code, message });
  });

  it('names the file when a file-backed artifact was damaged', async () => {
    const store = create();
    await store.store('big', 'Big', 'v'.repeat(300));
    const file = join(dir, 'artifacts', 'big.json');
    await writeFile(file, '"trunc');
    await expect(store.retrieve('big')).rejects.toMatchObject({ code: 'E_FILE_READ', message: expect.stringMatching(new RegExp(`^${file} is not valid JSON \\(`)) });
    await rm(file);
    await expect(store.retrieve('big')).rejects.toMatchObject({ code: 'E_FILE_READ', message: `cannot read artifact "big" from ${file}: ENOENT: no such file or directory, open '${file}'` });
  });
});
