import { mkdtemp, mkdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isOrchestraError } from '../../core/errors.js';
import { createSimulationBackend } from './simulation-backend.js';
import { readSimFiles, simulatedFileText, writeSimFiles } from './sim-files.js';
import { simNode, simRequest, str } from './sim-test-node.js';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))));
async function tempDir(): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'orchestra-sim-')));
  dirs.push(dir);
  return dir;
}

function errorOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (isOrchestraError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('issue 14: sim.files names the files a simulated node writes', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['a.md', ['a.md']],
    [' src/a.ts , docs/a.md ,', ['src/a.ts', 'docs/a.md']],
    ['./src//b.ts', ['src/b.ts']],
  ])('issue 14: sim.files=%j → %j', (text, expected) => {
    const node = simNode('impl', text === undefined ? {} : { 'sim.files': str(text) });
    expect(readSimFiles(node)).toEqual(expected);
  });

  it.each([
    ['/etc/passwd', 'is absolute'],
    ['../outside.txt', 'leaves the working directory'],
    ['src/../../x', 'leaves the working directory'],
    ['.git/hooks/pre-commit', 'is inside .git'],
    ['sub/.GIT/config', 'is inside .git'],
    ['src/', 'names a folder, not a file'],
  ])('issue 14: %s is refused: %s', (path, problem) => {
    expect(errorOf(() => readSimFiles(simNode('impl', { 'sim.files': str(`ok.md, ${path}`) })))).toBe(
      `E_ATTRIBUTE_TYPE: Node "impl" has sim.files="ok.md, ${path}": "${path}" ${problem}.`,
    );
  });
});

describe('issue 14: simulated files are written inside the working directory only', () => {
  it('issue 14: the backend writes each listed file, folders included, with the node and the task', async () => {
    const workDir = await tempDir();
    const backend = createSimulationBackend();
    const node = simNode('implement_a', { 'sim.files': str('src/feature-a.ts, docs/a.md') });
    await expect(backend.run(simRequest(node, { workDir, prompt: '\nAdd feature A\nmore' }))).resolves.toBe('[Simulated] Response for stage: implement_a');
    expect(await readFile(join(workDir, 'src/feature-a.ts'), 'utf8')).toBe('# src/feature-a.ts\n\n[Simulated] written by stage implement_a (call 1).\n\nTask: Add feature A\n');
    expect(await readFile(join(workDir, 'docs/a.md'), 'utf8')).toBe(simulatedFileText({ nodeId: 'implement_a', path: 'docs/a.md', call: 1, prompt: 'Add feature A' }));
  });

  it('issue 14: a folder that is a symbolic link is refused, and nothing is written outside', async () => {
    const workDir = await tempDir();
    const outside = await tempDir();
    await symlink(outside, join(workDir, 'src'));
    await expect(writeSimFiles(workDir, [{ path: 'src/x.ts', text: 'x' }])).rejects.toThrow(`sim.files: "src/x.ts" goes through the symbolic link ${join(workDir, 'src')}`);
    expect(existsSync(join(outside, 'x.ts'))).toBe(false);
  });

  it('issue 14: a file that is a symbolic link is refused, its target unchanged', async () => {
    const workDir = await tempDir();
    const outside = await tempDir();
    await writeFile(join(outside, 'secret'), 'keep me');
    await symlink(join(outside, 'secret'), join(workDir, 'notes.md'));
    await expect(writeSimFiles(workDir, [{ path: 'notes.md', text: 'x' }])).rejects.toThrow('goes through the symbolic link');
    expect(await readFile(join(outside, 'secret'), 'utf8')).toBe('keep me');
  });

  it('issue 14: a file where a folder is needed is a clear error', async () => {
    const workDir = await tempDir();
    await mkdir(join(workDir, 'docs'));
    await writeFile(join(workDir, 'docs', 'a'), 'file');
    await expect(writeSimFiles(workDir, [{ path: 'docs/a/b.md', text: 'x' }])).rejects.toThrow(`needs ${join(workDir, 'docs', 'a')} to be a folder`);
  });
});
