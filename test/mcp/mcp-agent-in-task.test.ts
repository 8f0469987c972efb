import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callError, callOk, connectHttp, connectStdio, createToken, startDaemon } from '../support/mcp-clients.js';
import { TaskProject } from '../support/task-project.js';

// An agent working in a task reaches Orchestra through `orchestra mcp` started in its worktree (as
// the per-session MCP config starts it) and completes its own task knowing only its working
// directory; and a read-only token over HTTP is offered only the read-only tools.

const p = new TaskProject({ quietMs: 300 });
/** A git project of the same machine that this Orchestra does not serve. */
const unserved = join(p.root, 'unserved');
let url = '';

beforeAll(async () => {
  mkdirSync(unserved);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: unserved, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(unserved, 'README.md'), 'not served\n');
  git('add', '.');
  git('-c', 'user.email=t@orchestra.invalid', '-c', 'user.name=T', 'commit', '-q', '-m', 'initial');
  url = await startDaemon(p);
}, 60_000);

afterAll(async () => {
  await p.cleanup();
});

/** A task of the fake agent, started, its agent waiting for input; returns its worktree. */
async function runningTask(slug: string): Promise<{ id: number; worktree: string }> {
  for (const args of [['new', slug, '-m', `Work on ${slug}.`, '--agent', 'fake'], ['start', slug]]) {
    const result = await p.bin(args);
    expect(result.code, result.stderr).toBe(0);
  }
  const task = await p.waitForTask(slug, (view) => view.needsInput);
  expect(task.worktree).toBeDefined();
  return { id: task.id, worktree: task.worktree ?? '' };
}

describe('issue 12: an agent in a task\'s worktree, through `orchestra mcp`', () => {
  it('issue 12: completes its own task by its working directory; another project\'s task or folder is refused with a clear code', { timeout: 90_000 }, async () => {
    const own = await runningTask('own-work');
    const other = await runningTask('other-work');
    // The agent works in a folder of its worktree, with the environment its task gives it.
    const cwd = join(own.worktree, 'src');
    mkdirSync(cwd);
    const agent = await connectStdio(p, cwd, { ORCHESTRA_WORKTREE: own.worktree, ORCHESTRA_TASK_ID: String(own.id) });
    try {
      const completed = await callOk<{ id: number; status: string; projectRoot: string }>(agent, 'task_complete', { worktree: cwd });
      expect(completed).toMatchObject({ id: own.id, status: 'completed', projectRoot: realpathSync(p.project) });
      // The daemon (not only the tool's answer) has it completed; the other task runs on.
      expect((await p.task('own-work')).status).toBe('completed');
      expect((await p.task('other-work')).status).not.toBe('completed');

      // A project this Orchestra does not serve: by project and ref, or by a folder of it.
      const byRef = await callError(agent, 'task_complete', { project: unserved, ref: '1' });
      expect(byRef).toMatchObject({ code: 'E_NOT_A_PROJECT', hint: expect.stringContaining(realpathSync(p.project)) });
      const byFolder = await callError(agent, 'task_complete', { worktree: unserved });
      expect(byFolder).toMatchObject({ code: 'E_TASK_NOT_FOUND', hint: expect.stringContaining('ORCHESTRA_WORKTREE') });
      // The served project's main checkout is no task's worktree either; a relative path names nothing.
      expect(await callError(agent, 'task_complete', { worktree: p.project })).toMatchObject({ code: 'E_TASK_NOT_FOUND' });
      expect(await callError(agent, 'task_complete', { worktree: 'src' })).toMatchObject({ code: 'E_TASK_NOT_FOUND' });
      // Both ways of naming a task at once is bad input, naming the rule.
      expect(await callError(agent, 'task_complete', { worktree: cwd, project: p.project, ref: String(other.id) })).toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('give either worktree, or project and ref') });
      expect((await p.task('other-work')).status).not.toBe('completed');
    } finally {
      await agent.close();
    }
  });
});

describe('issue 12: a read-only token over Streamable HTTP', () => {
  it('issue 12: sees only the read-only tools, can call them, and a write tool is an unknown tool', { timeout: 60_000 }, async () => {
    // Both tokens first: a client left idle while a CLI runs could meet its keep-alive socket closed.
    const tokens = { read: await createToken(p, 'e2e-reader', 'read'), write: await createToken(p, 'e2e-writer', 'write') };
    const reader = await connectHttp(url, tokens.read);
    const writer = await connectHttp(url, tokens.write);
    try {
      const readable = (await reader.client.listTools()).tools;
      const all = (await writer.client.listTools()).tools;
      expect(readable.length).toBeGreaterThan(0);
      expect(readable.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
      // Exactly the read-only tools a writer sees, no fewer.
      expect(readable.map((tool) => tool.name).sort()).toEqual(all.filter((tool) => tool.annotations?.readOnlyHint === true).map((tool) => tool.name).sort());
      const names = readable.map((tool) => tool.name);
      expect(names).toEqual(expect.arrayContaining(['task_list', 'task_get', 'task_status', 'human_task_list', 'human_task_get']));
      for (const write of ['task_create', 'task_start', 'task_complete', 'task_merge', 'human_task_create', 'human_task_answer']) expect(names).not.toContain(write);

      expect((await callOk<{ items: unknown[] }>(reader, 'task_list', { project: p.project })).items.length).toBeGreaterThan(0);
      const refused = await callError(reader, 'task_create', { project: p.project, slug: 'sneaky', description: 'x' });
      expect(refused).toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('unknown tool "task_create"'), hint: expect.stringContaining('read-only') });
      expect((await p.bin(['task', 'list', '--json'])).stdout).not.toContain('sneaky');
    } finally {
      await reader.close();
      await writer.close();
    }
  });
});
