import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaskFiles } from './task-files.js';

let root: string;
let clock: Date;
let files: TaskFiles;
const tasksDir = () => join(root, '.orchestra', 'tasks');
const write = (name: string, text: string) => {
  mkdirSync(tasksDir(), { recursive: true });
  writeFileSync(join(tasksDir(), name), text);
};
const read = (name: string) => readFileSync(join(tasksDir(), name), 'utf8');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'orchestra-task-files-'));
  clock = new Date('2025-05-01T08:00:00.000Z');
  files = new TaskFiles(root, { now: () => clock });
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('TaskFiles', () => {
  it('an uninitialised project has no tasks', async () => {
    expect(files.dir).toBe(tasksDir());
    expect(await files.list()).toEqual({ tasks: [], problems: [] });
    await expect(files.get('fix-tests')).rejects.toMatchObject({ code: 'E_TASK_NOT_FOUND' });
  });

  it('creates draft tasks with increasing ids, in files that read back the same', async () => {
    const first = await files.create({ slug: 'fix-tests', description: '\nFix the date tests.\n\n', baseBranch: 'main', agent: 'opencode' });
    clock = new Date('2025-05-01T09:00:00.000Z');
    const second = await files.create({ slug: 'add-docs', description: 'Docs.', baseBranch: 'dev' });
    expect(first).toEqual({
      id: 1,
      slug: 'fix-tests',
      status: 'draft',
      baseBranch: 'main',
      agent: 'opencode',
      createdAt: '2025-05-01T08:00:00.000Z',
      updatedAt: '2025-05-01T08:00:00.000Z',
      description: 'Fix the date tests.',
      file: join(tasksDir(), '1:fix-tests.md'),
      extra: {},
    });
    expect(second).toMatchObject({ id: 2, slug: 'add-docs', createdAt: '2025-05-01T09:00:00.000Z' });
    expect(read('1:fix-tests.md')).toBe(
      '---\nbase_branch: main\nstatus: draft\nagent: opencode\ncreated: 2025-05-01T08:00:00.000Z\nupdated: 2025-05-01T08:00:00.000Z\n---\n\nFix the date tests.\n',
    );
    expect(await files.get(1)).toEqual(first);
    expect(await files.get('add-docs')).toEqual(second);
    expect(readdirSync(tasksDir()).sort()).toEqual(['.last-id', '1:fix-tests.md', '2:add-docs.md']);
  });

  it('gives distinct ids to creates racing in one process', async () => {
    const created = await Promise.all(Array.from({ length: 8 }, (_, index) => files.create({ slug: `task-${index}`, description: '', baseBranch: 'main' })));
    expect(created.map((task) => task.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await files.list()).tasks).toHaveLength(8);
  });

  it('never reuses the id of a malformed file', async () => {
    write('9:Broken Name.md', 'whatever');
    write('4:ok.md', '---\nbase_branch: main\n---\n');
    expect((await files.create({ slug: 'next', description: '', baseBranch: 'main' })).id).toBe(10);
  });

  it.each([
    ['Fix Tests', /^invalid task slug "Fix Tests"/, 'Try "fix-tests".'],
    ['42', /not only digits/, 'Try "task-42".'],
    ['', /^invalid task slug ""/, 'Try "task".'],
  ])('refuses the bad slug %j', async (slug, message, hint) => {
    await expect(files.create({ slug, description: '', baseBranch: 'main' })).rejects.toMatchObject({ code: 'E_USAGE', message, hint });
  });

  it('refuses a slug another task uses, even a malformed one', async () => {
    await files.create({ slug: 'fix-tests', description: '', baseBranch: 'main' });
    await expect(files.create({ slug: 'fix-tests', description: '', baseBranch: 'main' })).rejects.toMatchObject({
      code: 'E_USAGE',
      message: 'the slug "fix-tests" is already used by the task file 1:fix-tests.md.',
    });
    write('5:broken.md', 'no front matter');
    await expect(files.create({ slug: 'broken', description: '', baseBranch: 'main' })).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('refuses an empty base branch', async () => {
    await expect(files.create({ slug: 'x', description: '', baseBranch: '  ' })).rejects.toMatchObject({ code: 'E_USAGE', message: /needs a base branch/ });
  });

  it('lists by id, picks up hand edits, and reports malformed files without hiding the others', async () => {
    write('10:ten.md', '---\nbase_branch: main\nstatus: idle\n---\nTen.\n');
    write('2:two.md', '---\nbase_branch: main\nstatus: complted\n---\n');
    write('3:three.md', '---\nbase_branch: main\n---\nThree.\n');
    write('notes.md', '---\nbase_branch: main\n---\n');
    write('.2:two.md.swp', 'editor swap');
    write('README.txt', 'not a task');
    mkdirSync(join(tasksDir(), '7:dir.md'));
    const listing = await files.list();
    expect(listing.tasks.map((task) => `${task.id}:${task.status}`)).toEqual(['3:draft', '10:idle']);
    expect(listing.problems.map((problem) => [problem.code, problem.location])).toEqual([
      ['E_TASK_FILE', { file: join(tasksDir(), '2:two.md'), line: 3, column: 9 }],
      ['E_TASK_FILE', { file: join(tasksDir(), 'notes.md'), line: 1, column: 1 }],
    ]);
    expect(listing.problems[0]?.message).toMatch(/^unknown status "complted"\. Did you mean "completed"\?/);

    write('3:three.md', '---\nbase_branch: main\nstatus: completed\nowner: ana\n---\nThree, edited.\n');
    expect(await files.get('three')).toMatchObject({ status: 'completed', description: 'Three, edited.', extra: { owner: 'ana' } });
  });

  it('get on a malformed task throws that file’s error', async () => {
    write('2:two.md', '---\nstatus: draft\n---\n');
    for (const ref of ['2', 2, 'two', '2:two', '2-two']) {
      await expect(files.get(ref)).rejects.toMatchObject({ code: 'E_TASK_FILE', location: { file: join(tasksDir(), '2:two.md'), line: 1, column: 1 }, message: /has no base_branch/ });
    }
    await expect(files.get('three')).rejects.toMatchObject({ code: 'E_TASK_NOT_FOUND' });
  });

  it('update re-reads the file, so a hand edit to other fields survives, and sets updated', async () => {
    const task = await files.create({ slug: 'fix-tests', description: 'Old.', baseBranch: 'main' });
    write('1:fix-tests.md', read('1:fix-tests.md').replace('status: draft\n', 'status: draft\npriority: high\n').replace('Old.', 'New, by hand.'));
    clock = new Date('2025-05-01T10:00:00.000Z');
    const updated = await files.update(task.id, { status: 'running', branch: 'orchestra/1-fix-tests', port: 4101 });
    expect(updated).toMatchObject({ status: 'running', description: 'New, by hand.', extra: { priority: 'high' }, updatedAt: '2025-05-01T10:00:00.000Z', createdAt: task.createdAt });
    expect(await files.get(1)).toEqual(updated);
    expect(read('1:fix-tests.md')).toContain('port: 4101\ncreated: 2025-05-01T08:00:00.000Z\nupdated: 2025-05-01T10:00:00.000Z\npriority: high\n---\n\nNew, by hand.\n');
  });

  it('renaming the slug renames the file; a used slug is refused and nothing changes', async () => {
    await files.create({ slug: 'fix-tests', description: 'A.', baseBranch: 'main' });
    await files.create({ slug: 'add-docs', description: 'B.', baseBranch: 'main' });
    const renamed = await files.update(1, { slug: 'fix-date-tests' });
    expect(renamed.file).toBe(join(tasksDir(), '1:fix-date-tests.md'));
    expect(readdirSync(tasksDir()).sort()).toEqual(['.last-id', '1:fix-date-tests.md', '2:add-docs.md']);
    const before = read('2:add-docs.md');
    await expect(files.update(2, { slug: 'fix-date-tests', status: 'running' })).rejects.toMatchObject({ code: 'E_USAGE', message: /already used by the task file 1:fix-date-tests\.md/ });
    expect(read('2:add-docs.md')).toBe(before);
  });

  it('update refuses a missing or malformed task', async () => {
    await expect(files.update(3, { status: 'running' })).rejects.toMatchObject({ code: 'E_TASK_NOT_FOUND', message: `no task with id 3 in ${tasksDir()}.` });
    write('3:bad.md', '---\nbase_branch: main\nport: x\n---\n');
    await expect(files.update(3, { status: 'running' })).rejects.toMatchObject({ code: 'E_TASK_FILE', location: { line: 3, column: 7 } });
    expect(read('3:bad.md')).toBe('---\nbase_branch: main\nport: x\n---\n');
  });

  it('two files claiming one id are refused by update and remove', async () => {
    write('3:a.md', '---\nbase_branch: main\n---\n');
    write('3:b.md', '---\nbase_branch: main\n---\n');
    await expect(files.update(3, { status: 'running' })).rejects.toMatchObject({ code: 'E_TASK_AMBIGUOUS', message: '2 task files claim id 3: 3:a.md, 3:b.md.' });
    await expect(files.remove(3)).rejects.toMatchObject({ code: 'E_TASK_AMBIGUOUS' });
  });

  it('removes a task, a malformed one too, and leaves no lock or temp file', async () => {
    await files.create({ slug: 'fix-tests', description: '', baseBranch: 'main' });
    await files.update(1, { status: 'running' });
    write('2:broken.md', 'nothing');
    await files.remove(1);
    await files.remove(2);
    expect(readdirSync(tasksDir())).toEqual(['.last-id']);
    await expect(files.remove(1)).rejects.toMatchObject({ code: 'E_TASK_NOT_FOUND' });
  });

  it('issue 9: never gives an id again after its task was removed, not even the newest one', async () => {
    await files.create({ slug: 'one', description: '', baseBranch: 'main' });
    await files.create({ slug: 'two', description: '', baseBranch: 'main' });
    await files.remove(2);
    await files.remove(1);
    expect((await files.create({ slug: 'three', description: '', baseBranch: 'main' })).id).toBe(3);
    expect(read('.last-id')).toBe('3\n');
    // A file named by hand with a higher id still wins; a broken mark is ignored.
    write('7:by-hand.md', 'nothing');
    expect((await files.create({ slug: 'four', description: '', baseBranch: 'main' })).id).toBe(8);
    write('.last-id', 'garbage');
    expect((await files.create({ slug: 'five', description: '', baseBranch: 'main' })).id).toBe(9);
  });
});
