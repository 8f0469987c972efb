import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { daemonPaths } from '../../src/server/daemon/index.js';
import { startFakeModelServer, type FakeModelServer, type RecordedRequest, type StaticTurn } from '../support/fake-model-server/index.js';
import { agentBinDir, claudeEnvironment, killProcessesOf } from '../support/real-agent-env.js';
import { TaskProject } from '../support/task-project.js';

/*
 * The real Claude Code CLI started by the daemon as a task (the built-in claude-code profile, in its
 * PTY, interactive), with nothing but the MCP config and hooks the daemon gives its session (issue
 * 12): it completes its own task with `task_complete`, naming only its worktree; and, with approvals
 * on, its permission request becomes a human task whose answer (an edited command) it runs. The
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

/** Plays the model: a Bash call through `sh -c` (which acceptEdits does not allow by itself), then a last word. */
function bashThenAnswer(request: RecordedRequest): StaticTurn {
  if (!toolsOf(request).includes('Bash')) return { text: 'ok' };
  if (toolResults(request) === 0) return { text: 'Running the build.', toolCalls: [{ name: 'Bash', input: { command: "sh -c 'echo asked > approved.txt'", description: 'Build' } }] };
  return { text: 'The build ran.' };
}

async function inboxApproval(p: TaskProject): Promise<{ id: string; title: string; context: Record<string, unknown> } | undefined> {
  const inbox = JSON.parse((await p.bin(['inbox', '--all', '--json'])).stdout || '{"tasks":[]}') as { tasks: Array<{ id: string; title: string; context: Record<string, unknown> }> };
  return inbox.tasks.find((task) => task.context.tool_name === 'Bash');
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

  it('issue 12: with interactive.approvals, its permission request is a human task; allowed with an edited command, Claude runs that command', { timeout: 240_000 }, async () => {
    server = await startFakeModelServer({ fallback: bashThenAnswer });
    const p = (project = new TaskProject({ quietMs: 60_000 }));
    const claude = claudeEnvironment(p, server, 'careful-build');
    Object.assign(p.env, claude.env);
    appendFileSync(join(p.project, 'orchestra.yaml'), '  claude-code:\n    interactive:\n      approvals: true\n');

    expect((await p.bin(['new', 'careful-build', '-m', 'Run the build.', '--agent', 'claude-code'])).code).toBe(0);
    const started = await p.bin(['start', 'careful-build']);
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    const diagnostics = async () => `task: ${JSON.stringify(await p.task('careful-build'))}\nagent output: ${(await p.bin(['logs', 'careful-build'])).stdout.slice(-2000)}\ndaemon log: ${readFileSync(daemonPaths(p.home).logFile, 'utf8').slice(-2000)}`;

    // The permission request is a human task with the tool and its input, and the task needs input meanwhile.
    let approval: Awaited<ReturnType<typeof inboxApproval>>;
    await expect
      .poll(async () => (approval = await inboxApproval(p)), { timeout: 90_000, interval: 500 })
      .toBeDefined()
      .catch(async (error: Error) => {
        throw new Error(`no approval human task: ${error.message}\n${await diagnostics()}`);
      });
    expect(approval!).toMatchObject({ title: 'Approve Bash', context: { input: { command: "sh -c 'echo asked > approved.txt'" } } });
    expect((await p.task('careful-build')).needsInput).toBe(true);
    expect(existsSync(join(claude.worktree, 'approved.txt'))).toBe(false);

    const answered = await p.bin(['answer', approval!.id, '--json', JSON.stringify({ decision: 'allow', input: JSON.stringify({ command: "sh -c 'echo edited > approved.txt'", description: 'Build' }) })]);
    expect(answered.stderr).toBe('');
    expect(answered.code).toBe(0);
    await expect.poll(() => existsSync(join(claude.worktree, 'approved.txt')), { timeout: 60_000 }).toBe(true);
    expect(readFileSync(join(claude.worktree, 'approved.txt'), 'utf8'), await diagnostics()).toBe('edited\n');
    // Claude went on: the command's result reached the model, and the task no longer waits for anyone.
    await expect.poll(() => server!.requests.some((request) => toolResults(request) >= 1), { timeout: 60_000 }).toBe(true);
    await p.waitForTask('careful-build', (task) => !task.needsInput, 60_000);
  });
});
