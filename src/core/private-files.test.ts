import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrivateDir, tightenToOwner } from './private-files.js';

let dir: string;
let umask: number;
beforeAll(async () => {
  umask = process.umask(0o022);
  dir = await mkdtemp(join(tmpdir(), 'orchestra-private-'));
});
afterAll(async () => {
  process.umask(umask);
  await rm(dir, { recursive: true, force: true });
});

const modeOf = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);

describe('issue 8.7: private directories', () => {
  it('issue 8.7: makePrivateDir makes every missing level 0700 under umask 022 and leaves an existing one alone', async () => {
    await mkdir(join(dir, 'shared'), { mode: 0o755 });
    expect(await makePrivateDir(join(dir, 'shared', 'a', 'b'))).toBe(join(dir, 'shared', 'a'));
    expect([await modeOf(join(dir, 'shared')), await modeOf(join(dir, 'shared', 'a')), await modeOf(join(dir, 'shared', 'a', 'b'))]).toEqual(['755', '700', '700']);
    expect(await makePrivateDir(join(dir, 'shared', 'a'))).toBeUndefined();
  });

  it.each([
    ['755', 0o755, true, '700'],
    ['750', 0o750, true, '700'],
    ['700', 0o700, false, '700'],
    ['500', 0o500, false, '500'],
  ])('issue 8.7: tightenToOwner on a %s directory', async (name, mode, changed, after) => {
    const path = join(dir, `tighten-${name}`);
    await mkdir(path);
    await chmod(path, mode);
    expect(await tightenToOwner(path)).toBe(changed);
    expect(await modeOf(path)).toBe(after);
    await chmod(path, 0o700);
  });
});
