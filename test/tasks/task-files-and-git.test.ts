import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { binPath, TaskProject } from '../support/task-project.js';

let project: TaskProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

const git = (dir: string, ...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
const taskFiles = (p: TaskProject): string[] => readdirSync(join(p.project, '.orchestra/tasks')).filter((name) => name.endsWith('.md')).sort();

/** An executable shell script under the project's temp root (used as $EDITOR or on PATH). */
function script(p: TaskProject, name: string, body: string): string {
  const file = join(p.root, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

async function statusJson(p: TaskProject, ref: string): Promise<Record<string, unknown>> {
  const result = await p.bin(['status', ref, '--json']);
  expect(result).toMatchObject({ code: 0 });
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('task files edited by hand', () => {
  it('reports malformed files with file:line:col and a hint, keeps the good tasks working, and picks up the fix', { timeout: 90_000 }, async () => {
    project = new TaskProject();
    expect((await project.bin(['new', 'good', '-m', 'Good work', '--agent', 'fake'])).code).toBe(0);
    const dir = join(project.project, '.orchestra/tasks');
    writeFileSync(join(dir, '2:bad-yaml.md'), '---\nbase_branch: main\nstatus: [oops\n---\n\nbroken\n');
    writeFileSync(join(dir, '3:bad-status.md'), '---\nbase_branch: main\nstatus: wibble\n---\n\nbroken\n');
    writeFileSync(join(dir, '4:no-base.md'), '---\nstatus: draft\n---\n\nbroken\n');

    const status = await project.bin(['status']);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/^1\s+good\s+draft/m);
    expect(status.stdout).not.toMatch(/bad-yaml|bad-status|no-base/);
    expect(status.stderr).toMatch(/E_TASK_FILE.*invalid YAML[\s\S]*\.orchestra\/tasks\/2:bad-yaml\.md:\d+:\d+/);
    expect(status.stderr).toContain('unknown status "wibble"');
    expect(status.stderr).toContain('.orchestra/tasks/3:bad-status.md:3:9');
    expect(status.stderr).toContain('.orchestra/tasks/4:no-base.md:1:1');
    expect(status.stderr).toMatch(/hint: .*base_branch: main/);

    const started = await project.bin(['start', 'good']);
    expect(started.code).toBe(0);
    expect(await project.task('good')).toMatchObject({ status: 'running', branch: 'orchestra/1-good' });

    const before = readFileSync(join(dir, '3:bad-status.md'), 'utf8');
    for (const args of [['status', 'bad-status'], ['status', '3'], ['start', 'bad-status']]) {
      const bad = await project.bin(args);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).toContain('error[E_TASK_FILE]');
      expect(bad.stderr).toContain('3:bad-status.md:3:9');
    }
    expect(readFileSync(join(dir, '3:bad-status.md'), 'utf8')).toBe(before);
    expect(git(project.project, 'branch', '--list', 'orchestra/3-*')).toBe('');

    writeFileSync(join(dir, '3:bad-status.md'), before.replace('wibble', 'draft'));
    const fixed = await project.bin(['status', '--json']);
    const listing = JSON.parse(fixed.stdout) as { tasks: Array<{ slug: string }>; problems: Array<{ file: string }> };
    expect(listing.tasks.map((task) => task.slug)).toEqual(['good', 'bad-status']);
    expect(listing.problems.map((problem) => problem.file.split('/').pop())).toEqual(['2:bad-yaml.md', '4:no-base.md']);
  });

  it('picks up hand edits; `edit` saves through $EDITOR, reports a broken edit and reopens the broken file', { timeout: 90_000 }, async () => {
    project = new TaskProject({ env: { VISUAL: '' } });
    expect((await project.bin(['new', 'notes', '-m', 'First description', '--agent', 'fake'])).code).toBe(0);
    const file = join(project.project, '.orchestra/tasks/1:notes.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('agent: fake', 'agent: claude-code').replace('First description', 'Second, by hand'));
    expect(await statusJson(project, 'notes')).toMatchObject({ agent: 'claude-code', description: 'Second, by hand' });

    const append = script(project, 'append.sh', 'echo "Appended by the editor." >> "$1"');
    const edited = await project.bin(['edit', 'notes'], { env: { EDITOR: append } });
    expect(edited).toMatchObject({ code: 0, stdout: 'saved task 1 (notes), draft\n' });
    expect(await statusJson(project, '1')).toMatchObject({ description: 'Second, by hand\nAppended by the editor.' });

    const breaks = script(project, 'break.sh', 'sed -i "s/^status: .*/status: bogus/" "$1"');
    const broken = await project.bin(['edit', 'notes'], { env: { EDITOR: breaks } });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('unknown status "bogus"');
    expect(broken.stderr).toContain('1:notes.md:3:9');

    // The broken file is what `edit` must open now, so that it can be fixed the same way.
    const repairs = script(project, 'repair.sh', 'sed -i "s/^status: .*/status: draft/" "$1"');
    expect(await project.bin(['edit', 'notes'], { env: { EDITOR: repairs } })).toMatchObject({ code: 0, stdout: 'saved task 1 (notes), draft\n' });

    const fails = await project.bin(['edit', 'notes'], { env: { EDITOR: script(project, 'fail.sh', 'exit 3') } });
    expect(fails.code).toBe(2);
    expect(fails.stderr).toContain('exited with code 3');
  });

  it('`new` without -m takes the description from $EDITOR and refuses an empty one', { timeout: 90_000 }, async () => {
    project = new TaskProject({ env: { VISUAL: '' } });
    const writes = script(project, 'describe.sh', '{ echo "Described in the editor."; cat "$1"; } > "$1.new" && mv "$1.new" "$1"');
    const created = await project.bin(['new', 'from-editor'], { env: { EDITOR: writes } });
    expect(created.code).toBe(0);
    expect(await statusJson(project, 'from-editor')).toMatchObject({ description: 'Described in the editor.' });

    const empty = await project.bin(['new', 'empty'], { env: { EDITOR: script(project, 'noop.sh', 'true') } });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('the task description is empty; no task was created');
    expect(taskFiles(project)).toEqual(['1:from-editor.md']);
  });
});

describe('bad names', () => {
  it('refuses unknown agents with the known ones, bad slugs with a suggestion, and duplicate slugs', { timeout: 90_000 }, async () => {
    project = new TaskProject();
    const typo = await project.bin(['new', 'x', '-m', 'x', '--agent', 'fak']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('error[E_CONFIG]: unknown agent "fak"');
    expect(typo.stderr).toMatch(/Did you mean fake\?.*Known agents: .*claude-code.*fake/);
    expect(existsSync(join(project.project, '.orchestra/tasks/1:x.md'))).toBe(false);

    const base = await project.bin(['new', 'ok', '-m', 'x', '--base', 'mian']);
    expect(base.code).not.toBe(0);
    expect(base.stderr).toMatch(/base branch "mian" does not exist.*Did you mean "main"\?/);
    expect((await project.bin(['new', 'ok', '-m', 'x'])).code).toBe(0);
    const file = join(project.project, '.orchestra/tasks/1:ok.md');
    const before = readFileSync(file, 'utf8');
    const start = await project.bin(['start', 'ok', '--agent', 'nope']);
    expect(start.code).toBe(2);
    expect(start.stderr).toMatch(/E_CONFIG.*unknown agent "nope"[\s\S]*Known agents: .*fake/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(git(project.project, 'branch', '--list', 'orchestra/*')).toBe('');

    const slug = await project.bin(['new', 'Bad_Slug', '-m', 'x']);
    expect(slug.code).toBe(2);
    expect(slug.stderr).toContain('error[E_USAGE]: invalid task slug "Bad_Slug"');
    expect(slug.stderr).toContain('Try "bad-slug"');
    const duplicate = await project.bin(['new', 'ok', '-m', 'again']);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('the slug "ok" is already used by the task file 1:ok.md');
    expect(taskFiles(project)).toEqual(['1:ok.md']);
  });

  it('gives five racing `new` processes the ids 1..5, each in a complete file', { timeout: 90_000 }, async () => {
    project = new TaskProject();
    const p = project;
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => p.bin(['new', `race-${n}`, '-m', `Racer ${n}`])));
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    // Only the process that made task 1, the project's first, advises on .gitignore.
    expect(results.map((result) => result.stderr.startsWith('hint: task files live in .orchestra/tasks/')).filter(Boolean)).toHaveLength(1);
    expect(results.filter((result) => result.stderr === '')).toHaveLength(4);
    const files = taskFiles(project);
    expect(files.map((name) => Number(name.split(':')[0])).sort()).toEqual([1, 2, 3, 4, 5]);
    for (const name of files) {
      const n = /race-(\d)/.exec(name)?.[1];
      expect(readFileSync(join(project.project, '.orchestra/tasks', name), 'utf8')).toMatch(new RegExp(`^---\\nbase_branch: main\\nstatus: draft\\n[\\s\\S]*---\\n\\nRacer ${n}\\n$`));
    }
    const listing = JSON.parse((await project.bin(['status', '--json'])).stdout) as { tasks: unknown[]; problems: unknown[] };
    expect(listing).toMatchObject({ problems: [] });
    expect(listing.tasks).toHaveLength(5);
  });
});

describe('the worktree', () => {
  it('fails a start whose setup script fails, with its exit code and last lines, and runs it again on the next start', { timeout: 90_000 }, async () => {
    project = new TaskProject({ setup: 'echo "preparing $ORCHESTRA_TASK_SLUG"\necho "cannot install" >&2\nexit 3\n' });
    const setup = join(project.project, '.orchestra/setup');
    writeFileSync(setup, `#!/bin/sh\n${readFileSync(setup, 'utf8')}`);
    expect((await project.bin(['new', 'setup', '-m', 'x', '--agent', 'fake'])).code).toBe(0);
    const failed = await project.bin(['start', 'setup']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/preparing setup[\s\S]*error\[E_SETUP_FAILED\]: .*exited with code 3\.\n {2}preparing setup\n {2}cannot install\n/);
    expect(await project.task('setup')).toMatchObject({ status: 'failed' });
    expect(project.agentStarts()).toEqual([]);

    writeFileSync(setup, '#!/bin/sh\necho "setup ok" | tee .setup-ran\n');
    const started = await project.bin(['start', 'setup']);
    expect(started.code).toBe(0);
    expect(started.stderr).toContain('setup ok');
    const running = await project.waitForTask('setup', (task) => task.needsInput);
    expect(readFileSync(join(running.worktree!, '.setup-ran'), 'utf8')).toBe('setup ok\n');
    expect(project.agentStarts()).toHaveLength(1);

    chmodSync(setup, 0o644);
    expect((await project.bin(['new', 'second', '-m', 'x', '--agent', 'fake'])).code).toBe(0);
    const notExecutable = await project.bin(['start', 'second']);
    expect(notExecutable.code).toBe(1);
    expect(notExecutable.stderr).toContain('error[E_SETUP_FAILED]: setup script .orchestra/setup is not executable');
    expect(notExecutable.stderr).toContain(`chmod +x ${setup}`);
    expect(await project.task('second')).toMatchObject({ status: 'failed' });
  });

  it('`cd` prints the worktree from a subdirectory and from inside the worktree; the shell function changes into it', { timeout: 90_000 }, async () => {
    project = new TaskProject();
    expect((await project.bin(['new', 'place', '-m', 'x', '--agent', 'fake'])).code).toBe(0);
    expect((await project.bin(['start', 'place'])).code).toBe(0);
    const worktree = (await project.task('place')).worktree!;
    const sub = join(project.project, 'src/deep');
    const inner = join(worktree, 'inner');
    mkdirSync(sub, { recursive: true });
    mkdirSync(inner);
    expect(await project.bin(['cd', 'place'], { cwd: sub })).toMatchObject({ code: 0, stdout: `${worktree}\n` });
    expect(await project.bin(['cd', '1'], { cwd: inner })).toMatchObject({ code: 0, stdout: `${worktree}\n` });
    // From a linked worktree, commands act on the main project, not on a copy inside the worktree.
    expect((await project.bin(['new', 'from-worktree', '-m', 'x'], { cwd: inner })).code).toBe(0);
    expect(existsSync(join(project.project, '.orchestra/tasks/2:from-worktree.md'))).toBe(true);
    expect(existsSync(join(worktree, '.orchestra'))).toBe(false);

    // issue 9: `orchestra` on PATH the way `npm link` puts it there: a symlink to bin/orchestra.js.
    mkdirSync(join(project.root, 'path'), { recursive: true });
    symlinkSync(binPath, join(project.root, 'path/orchestra'));
    const env = { ...process.env, ...project.env, PATH: `${join(project.root, 'path')}:${process.env.PATH ?? ''}` };
    const shell = (line: string) => execFileSync('bash', ['-c', `eval "$(orchestra shell-init)" && ${line}`], { cwd: sub, env, encoding: 'utf8' });
    expect(realpathSync(shell('orchestra cd place && pwd').trim())).toBe(realpathSync(worktree));
    expect(shell('orchestra cd nope 2>/dev/null; echo "$? $(pwd)"').trim()).toBe(`3 ${sub}`);

    const outside = await project.bin(['cd', 'place'], { cwd: project.root, env: { GIT_CEILING_DIRECTORIES: dirname(project.root) } });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('error[E_NOT_A_PROJECT]');
  });

  it('`diff` shows committed, uncommitted and untracked work; `logs` prints the agent output as text', { timeout: 90_000 }, async () => {
    project = new TaskProject();
    expect((await project.bin(['new', 'work', '-m', 'Change things', '--agent', 'fake'])).code).toBe(0);
    expect((await project.bin(['start', 'work'])).code).toBe(0);
    const { worktree } = await project.waitForTask('work', (task) => task.needsInput);
    writeFileSync(join(worktree!, 'committed.txt'), 'committed line\n');
    git(worktree!, 'add', 'committed.txt');
    git(worktree!, 'commit', '-q', '-m', 'agent commit');
    writeFileSync(join(worktree!, 'README.md'), 'a project\nuncommitted line\n');
    writeFileSync(join(worktree!, 'untracked.txt'), 'untracked line\n');
    const statusBefore = git(worktree!, 'status', '--porcelain');

    const diff = await project.bin(['diff', 'work']);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/diff --git a\/committed\.txt b\/committed\.txt[\s\S]*\+committed line/);
    expect(diff.stdout).toMatch(/diff --git a\/README\.md b\/README\.md[\s\S]*\+uncommitted line/);
    expect(diff.stdout).toMatch(/b\/untracked\.txt[\s\S]*\+untracked line/);
    expect(git(worktree!, 'status', '--porcelain')).toBe(statusBefore);

    const logs = await project.bin(['logs', 'work']);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toContain('prompt: Change things\n');
    expect(logs.stdout).toContain('Proceed with the change? (y/n)');
    expect(logs.stdout).not.toContain('\u001b');
    expect(logs.stdout).not.toContain('\r');
    expect(await project.bin(['logs', 'work', '-n', '1'])).toMatchObject({ code: 0, stdout: 'Proceed with the change? (y/n)\n' });

    // issue 9: --follow prints the finished lines at once, streams on, and ends with the agent.
    const follower = spawn(process.execPath, [binPath, 'logs', 'work', '--follow'], { cwd: project.project, env: { ...process.env, ...project.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let followed = '';
    follower.stdout.on('data', (chunk: Buffer) => (followed += chunk.toString()));
    const followerExit = new Promise<number | null>((resolve) => follower.on('exit', resolve));
    await expect.poll(() => followed, { timeout: 20_000 }).toContain('prompt: Change things\n');
    expect(followed).not.toContain('Proceed with the change?');
    expect((await project.bin(['stop', 'work'])).code).toBe(0);
    expect(await followerExit).toBe(0);
    expect(followed.match(/Proceed with the change\? \(y\/n\)\n/g)).toHaveLength(1);
    expect(followed).not.toContain('\u001b');
  });
});
