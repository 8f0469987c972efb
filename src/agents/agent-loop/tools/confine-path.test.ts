import { mkdir, mkdtemp, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeTool, type ToolCallResult } from './tool-set.js';

let root: string;
let work: string;
const signal = new AbortController().signal;
const run = (name: string, input: Record<string, unknown>): Promise<ToolCallResult> => executeTool(name, input, { workDir: work, signal, env: {} });
const exists = (path: string) => stat(path).then(() => true, () => false);

beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'orchestra-confine-')));
  work = join(root, 'work');
  await mkdir(join(root, 'outside'), { recursive: true });
  await mkdir(join(work, 'sub'), { recursive: true });
  await writeFile(join(root, 'outside', 'secret.txt'), 'outside secret\n');
  await writeFile(join(work, 'sub', 'inner.txt'), 'inner\n');
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('issue 8.3: the file tools do not leave the working directory through symbolic links', () => {
  it('write_file through a dangling link to ../escaped.md is refused and writes nothing outside', async () => {
    await symlink('../escaped.md', join(work, 'notes.md'));
    const result = await run('write_file', { path: 'notes.md', content: 'pwned' });
    expect(result.isError).toBe(true);
    expect(result.output).toContain('outside the working directory');
    expect(await exists(join(root, 'escaped.md'))).toBe(false);
  });

  it('a chain of dangling links is followed to its end', async () => {
    await symlink('hop2', join(work, 'hop1'));
    await symlink('../escaped-chain.md', join(work, 'hop2'));
    const result = await run('write_file', { path: 'hop1', content: 'pwned' });
    expect(result.isError).toBe(true);
    expect(await exists(join(root, 'escaped-chain.md'))).toBe(false);
  });

  it('a new file under a link to a directory outside is refused (longest existing ancestor resolved)', async () => {
    await symlink(join(root, 'outside'), join(work, 'out'));
    const result = await run('write_file', { path: 'out/deeper/new.txt', content: 'pwned' });
    expect(result.isError).toBe(true);
    expect(await exists(join(root, 'outside', 'deeper'))).toBe(false);
  });

  it.each<[string, Record<string, unknown>]>([
    ['read_file', { path: 'out/secret.txt' }],
    ['edit_file', { path: 'out/secret.txt', old_string: 'outside', new_string: 'edited' }],
    ['list', { path: 'out' }],
    ['grep', { pattern: 'secret', path: 'out' }],
    ['grep', { pattern: 'secret', path: 'out/secret.txt' }],
  ])('%s through a link to a directory outside is refused', async (name, input) => {
    await symlink(join(root, 'outside'), join(work, 'out'));
    const result = await run(name, input);
    expect(result.isError).toBe(true);
    expect(result.output).toContain('outside the working directory');
    expect(await readFile(join(root, 'outside', 'secret.txt'), 'utf8')).toBe('outside secret\n');
  });

  it('walking does not follow links out: list and grep of "." never show what lies outside', async () => {
    await symlink(join(root, 'outside'), join(work, 'out'));
    await symlink(join(root, 'outside', 'secret.txt'), join(work, 'secret-link.txt'));
    const listed = await run('list', {});
    expect(listed.output).toBe('sub/inner.txt');
    const grepped = await run('grep', { pattern: 'secret' });
    expect(grepped.output).toBe('No matches.');
  });

  it('links that stay inside still work, a dangling one included', async () => {
    await symlink('sub/inner.txt', join(work, 'alias.txt'));
    await symlink('sub/later.txt', join(work, 'later-link.txt'));
    expect((await run('read_file', { path: 'alias.txt' })).output).toBe('inner\n');
    expect((await run('write_file', { path: 'later-link.txt', content: 'made' })).isError).toBe(false);
    expect(await readFile(join(work, 'sub', 'later.txt'), 'utf8')).toBe('made');
  });

  it('a link loop is an error, not a hang', async () => {
    await symlink('loop-b', join(work, 'loop-a'));
    await symlink('loop-a', join(work, 'loop-b'));
    const result = await run('read_file', { path: 'loop-a' });
    expect(result.isError).toBe(true);
    expect(result.output).toContain('symbolic links');
  });
});
