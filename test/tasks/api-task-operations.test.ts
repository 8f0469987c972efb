import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { systemClock } from '../../src/core/clock.js';
import { mintTenantScope } from '../../src/core/tenant-scope.js';
import { DaemonState } from '../../src/server/tasks/daemon-state.js';
import { createProfileSource } from '../../src/server/tasks/profile-source.js';
import { taskPort } from '../../src/server/tasks/task-port.js';
import { TaskService } from '../../src/server/tasks/task-service.js';
import type { ApiCaller, ApiDeps, Operation } from '../../src/services/api/index.js';
import { operations } from '../../src/services/api/operations.js';
import { taskOperations } from '../../src/services/api/task-operations.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { TaskProject } from '../support/task-project.js';
import { absentPorts } from '../../src/services/api/testing/absent-ports.js';

const p = new TaskProject({ quietMs: 300 });
const root = realpathSync(p.project);
const outside = join(p.root, 'outside');
const link = join(p.root, 'link');
const env = { ...process.env, ...p.env };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, close: () => undefined };
const service = new TaskService({ home: p.home, state: DaemonState.load(join(p.home, 'state'), () => undefined), log: quiet, env, hookCommand: [], quietMs: 300, profiles: createProfileSource(env) });
const caller: ApiCaller = { scope: mintTenantScope('default'), user: 'tester', access: 'admin' };
let store: Store;
let deps: ApiDeps;

beforeAll(async () => {
  mkdirSync(outside);
  symlinkSync(p.project, link);
  store = await openSqliteStore(join(p.root, 'orchestra.db'));
  deps = { ...absentPorts(), store, clock: systemClock, home: p.home, env, log: quiet, projects: { list: () => [root] }, tasks: taskPort(service) };
});

afterAll(async () => {
  await service.shutdown();
  await store.close();
  for (const start of p.agentStarts()) {
    try {
      process.kill(-start.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(p.root, { recursive: true, force: true });
});

const op = <N extends (typeof taskOperations)[number]['name']>(name: N) => taskOperations.find((o) => o.name === name) as Extract<(typeof taskOperations)[number], { name: N }>;

/** Calls an operation as every way in does: the input parsed by its schema, the result checked against its output schema. */
async function call<I extends z.ZodType, O extends z.ZodType>(operation: Operation<string, I, O>, input: z.input<I>): Promise<z.output<O>> {
  const result = await operation.handle(deps, caller, operation.input.parse(input));
  return operation.output.parse(result);
}

/** The issue paths a bad input is refused with. */
function refusedFields(operation: Operation, input: unknown): string[] {
  const parsed = operation.input.safeParse(input);
  expect(parsed.success).toBe(false);
  return (parsed.error?.issues ?? []).map((issue) => [...issue.path.map(String), ...('keys' in issue ? issue.keys : [])].join('.'));
}

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('issue 12: the task operations over a real TaskService', () => {
  it('issue 12: create → list (paged) → get → edit → start → diff → complete from its worktree → logs → merge', { timeout: 60_000 }, async () => {
    const created = await call(op('tasks.create'), { project: root, slug: 'fix-dates', description: 'Fix the date tests.', agent: 'fake' });
    expect(created).toMatchObject({ id: 1, slug: 'fix-dates', status: 'draft', baseBranch: 'main', agent: 'fake', projectRoot: root, needsInput: false });
    await call(op('tasks.create'), { project: root, slug: 'second', description: 'Another.' });

    const first = await call(op('tasks.list'), { project: root, limit: 1 });
    expect(first.items.map((t) => t.slug)).toEqual(['fix-dates']);
    expect(first.nextCursor).toBe('1');
    const second = await call(op('tasks.list'), { project: root, limit: 1, cursor: first.nextCursor });
    expect([second.items.map((t) => t.slug), second.nextCursor]).toEqual([['second'], undefined]);
    expect((await call(op('tasks.list'), { project: root, status: 'running' })).items).toEqual([]);
    expect((await call(op('tasks.get'), { project: root, ref: 'fix-dates' })).id).toBe(1);

    // A key added by hand meanwhile survives the edit: the file stays the source of truth.
    writeFileSync(created.file, readFileSync(created.file, 'utf8').replace('status: draft', 'status: draft\nowner: ada'));
    const edited = await call(op('tasks.edit'), { project: root, ref: '1', slug: 'fix-date-tests', description: 'Fix the date tests, all of them.' });
    expect(edited).toMatchObject({ slug: 'fix-date-tests', description: 'Fix the date tests, all of them.', status: 'draft' });
    expect(existsSync(created.file)).toBe(false);
    expect(readFileSync(edited.file, 'utf8')).toMatch(/owner: ada[\s\S]*Fix the date tests, all of them\./);
    await expect(call(op('tasks.edit'), { project: root, ref: '1', baseBranch: 'mian' })).rejects.toMatchObject({ code: 'E_GIT', message: expect.stringContaining('mian') });
    await expect(call(op('tasks.edit'), { project: root, ref: '1', agent: 'nope' })).rejects.toMatchObject({ code: 'E_CONFIG' });
    expect((await call(op('tasks.edit'), { project: root, ref: 'second', agent: 'fake' })).agent).toBe('fake');
    expect((await call(op('tasks.edit'), { project: root, ref: 'second', agent: null })).agent).toBeUndefined();
    await expect(call(op('tasks.diff'), { project: root, ref: '1' })).rejects.toMatchObject({ code: 'E_TASK_STATE' });

    const started = await call(op('tasks.start'), { project: root, ref: 'fix-date-tests' });
    expect(started).toMatchObject({ status: 'running', branch: 'orchestra/1-fix-date-tests' });
    const worktree = started.worktree ?? '';
    await eventually(() => call(op('tasks.status'), { project: root, ref: '1' }), (s) => s.needsInput, 'the agent to ask');
    await expect(call(op('tasks.edit'), { project: root, ref: '1', agent: 'claude-code' })).rejects.toMatchObject({ code: 'E_TASK_STATE' });
    writeFileSync(join(worktree, 'dates.txt'), 'fixed\n');
    expect((await call(op('tasks.diff'), { project: root, ref: '1' })).diff).toContain('+fixed');

    // What an agent in the task knows: its working directory (a folder inside the worktree here).
    mkdirSync(join(worktree, 'src'));
    expect(await call(op('tasks.complete'), { worktree: join(worktree, 'src') })).toMatchObject({ id: 1, status: 'completed' });
    expect((await call(op('tasks.logs'), { project: root, ref: '1' })).text).toContain('prompt: Fix the date tests, all of them.');

    const merged = await call(op('tasks.merge'), { project: root, ref: '1' });
    expect(merged).toMatchObject({ task: { status: 'merged' }, removedWorktree: true, files: ['dates.txt'] });
    expect(execFileSync('git', ['show', 'main:dates.txt'], { cwd: root, encoding: 'utf8' })).toBe('fixed\n');
  });

  it('issue 12: a project reached through a symlink is that project; any other folder is E_NOT_A_PROJECT', async () => {
    expect((await call(op('tasks.list'), { project: link })).items.every((t) => t.projectRoot === root)).toBe(true);
    for (const project of [outside, join(root, '..', 'outside')]) {
      await expect(call(op('tasks.get'), { project, ref: '1' })).rejects.toMatchObject({ code: 'E_NOT_A_PROJECT', hint: expect.stringContaining(root) });
      await expect(call(op('tasks.create'), { project, slug: 'sneaky', description: 'x' })).rejects.toMatchObject({ code: 'E_NOT_A_PROJECT' });
    }
    expect(existsSync(join(outside, '.orchestra'))).toBe(false);
  });

  it('issue 12: an unknown ref, or a worktree that is no task\'s, is E_TASK_NOT_FOUND', async () => {
    await expect(call(op('tasks.get'), { project: root, ref: 'no-such-task' })).rejects.toMatchObject({ code: 'E_TASK_NOT_FOUND' });
    await expect(call(op('tasks.complete'), { project: root, ref: '99' })).rejects.toMatchObject({ code: 'E_TASK_NOT_FOUND' });
    await expect(call(op('tasks.complete'), { worktree: outside })).rejects.toMatchObject({ code: 'E_TASK_NOT_FOUND', hint: expect.stringContaining('ORCHESTRA_WORKTREE') });
    await expect(call(op('tasks.list'), { project: root, cursor: 'page-2' })).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('cursor') });
  });

  it('issue 12: bad input is refused naming the field', () => {
    expect(refusedFields(op('tasks.create'), { project: 'project', slug: 'Fix Dates!', description: 'x' })).toEqual(['project', 'slug']);
    expect(refusedFields(op('tasks.create'), { project: root, slug: 'ok', description: 'x', colour: 'red' })).toEqual(['colour']);
    expect(refusedFields(op('tasks.get'), { project: root, ref: ' ' })).toEqual(['ref']);
    expect(refusedFields(op('tasks.merge'), { project: root, ref: '1', mode: 'octopus' })).toEqual(['mode']);
    expect(refusedFields(op('tasks.logs'), { project: root, ref: '1', lines: -1 })).toEqual(['lines']);
    expect(op('tasks.edit').input.safeParse({ project: root, ref: '1' }).error?.issues[0]?.message).toContain('at least one of description, slug, baseBranch, agent');
    for (const both of [{}, { project: root }, { worktree: root, ref: '1' }]) {
      expect(op('tasks.complete').input.safeParse(both).error?.issues[0]?.message).toBe('give either worktree, or project and ref');
    }
  });

  it('issue 12: the task operations are in the table with read access for reads, merge destructive, and a distinct tool each', () => {
    const names = operations.map((o) => o.name);
    for (const task of taskOperations) expect(names).toContain(task.name);
    const reads = taskOperations.filter((o) => o.access === 'read').map((o) => o.name);
    expect(reads.sort()).toEqual(['tasks.diff', 'tasks.get', 'tasks.list', 'tasks.logs', 'tasks.status']);
    expect(taskOperations.filter((o) => o.destructive === true).map((o) => o.name)).toEqual(['tasks.merge']);
    const tools = taskOperations.map((o) => o.mcp);
    expect(new Set(tools).size).toBe(tools.length);
    expect(tools).toEqual(expect.arrayContaining(['task_create', 'task_list', 'task_get', 'task_start', 'task_stop', 'task_complete', 'task_merge', 'task_status']));
  });
});
