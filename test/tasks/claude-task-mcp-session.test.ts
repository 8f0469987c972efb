import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { daemonPaths } from '../../src/server/daemon/index.js';
import { startFakeModelServer, type FakeModelServer, type RecordedRequest, type StaticTurn } from '../support/fake-model-server/index.js';
import { agentBinDir, claudeEnvironment, killProcessesOf } from '../support/real-agent-env.js';
import { TaskProject } from '../support/task-project.js';

/*
 * The real Claude Code CLI started by the daemon as a task (the built-in claude-code profile, in its
 * PTY, interactive), with nothing but the MCP config the daemon gives its session (issue 12): it
 * writes a file, then completes its own task with `task_complete`, naming only its worktree. The
 * model is the fake model server.
 */

const missingClaude = !existsSync(join(agentBinDir, 'claude'));
const completeTool = 'mcp__orchestra__task_complete';

let project: TaskProject | undefined;
let server: FakeModelServer | undefined;
afterEach(async () => {
  await project?.cleanup();
  if (project !== undefined) killProcessesOf(project.home, agentBinDir);
  await server?.close();
  project = undefined;
  server = undefined;
});

const messagesOf = (request: RecordedRequest) => JSON.stringify((request.body as { messages?: unknown[] } | undefined)?.messages ?? []);
const toolsOf = (request: RecordedRequest) => ((request.body as { tools?: Array<{ name: string }> } | undefined)?.tools ?? []).map((tool) => tool.name);
const toolResults = (request: RecordedRequest) => messagesOf(request).split('"tool_result"').length - 1;

/** Plays the model: a Write in the worktree (acceptEdits allows it), then task_complete of the task's own worktree, then a last word. */
function writeThenComplete(worktree: string): (request: RecordedRequest) => StaticTurn {
  return (request) => {
    if (!toolsOf(request).includes('Write')) return { text: 'ok' };
    const done = toolResults(request);
    if (done === 0) return { text: 'Writing the result.', toolCalls: [{ name: 'Write', input: { file_path: join(worktree, 'result.txt'), content: 'done by claude\n' } }] };
    if (done === 1 && toolsOf(request).includes(completeTool)) return { text: 'Marking the task done.', toolCalls: [{ name: completeTool, input: { worktree } }] };
    return { text: 'All done.' };
  };
}

describe.skipIf(missingClaude)("issue 12: a task's own Claude Code session reaches Orchestra over MCP", () => {
  it('issue 12: the agent completes its own task with task_complete, naming only its worktree, through the MCP config of its session', { timeout: 240_000 }, async () => {
    let worktree = '';
    server = await startFakeModelServer({ fallback: (request) => writeThenComplete(worktree)(request) });
    const p = (project = new TaskProject({ quietMs: 60_000 }));
    const claude = claudeEnvironment(p, server, 'own-complete');
    worktree = claude.worktree;
    Object.assign(p.env, claude.env);

    expect((await p.bin(['new', 'own-complete', '-m', 'Write result.txt, then mark this task done.', '--agent', 'claude-code'])).code).toBe(0);
    const started = await p.bin(['start', 'own-complete']);
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    const diagnostics = async () =>
      `task: ${JSON.stringify(await p.task('own-complete'))}\nagent output: ${(await p.bin(['logs', 'own-complete'])).stdout.slice(-3000)}\nmodel requests: ${server!.requests.map((r) => `${r.path} tools:${toolsOf(r).filter((t) => t === completeTool || t === 'Write').join(',')} results:${toolResults(r)}`).join('\n')}\ndaemon log: ${readFileSync(daemonPaths(p.home).logFile, 'utf8').slice(-3000)}`;

    const completed = await p.waitForTask('own-complete', (task) => task.status === 'completed', 120_000).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await diagnostics()}`);
    });
    expect(completed.id).toBe(1);
    expect(readFileSync(join(worktree, 'result.txt'), 'utf8')).toBe('done by claude\n');
    // Claude sent the tool's answer back to the model: the task as Orchestra completed it.
    const sentBack = () => server!.requests.some((request) => toolResults(request) >= 2 && messagesOf(request).includes('completed'));
    await expect.poll(sentBack, { timeout: 60_000 }).toBe(true);
  });
});
