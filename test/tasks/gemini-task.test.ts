import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { daemonPaths } from '../../src/server/daemon/index.js';
import type { DaemonClient } from '../../src/server/rpc/index.js';
import type { TaskChange } from '../../src/server/tasks/service-context.js';
import { Endpoint, startFakeModelServer, type FakeModelServer, type RecordedRequest, type StaticTurn } from '../support/fake-model-server/index.js';
import { answeredFunction, geminiEnvironment, lastTurnSays } from '../support/gemini-env.js';
import { spawnInPty } from '../support/pty-driver.js';
import { agentBinDir, killProcessesOf, processesOf, taskWorktree, waitForFile } from '../support/real-agent-env.js';
import { binPath, TaskProject } from '../support/task-project.js';
import { terminalScreen } from '../support/terminal-screen.js';

// The real Gemini CLI started as a task (`--agent gemini`): its TUI in the daemon's PTY, answered by
// the fake model server, its hooks (written by Orchestra into the task's own Gemini home)
// reporting running, idle and needs-input to the daemon.
const missing = !existsSync(join(agentBinDir, 'gemini'));
if (missing) console.log(`skipped: the Gemini CLI is not installed (${join(agentBinDir, 'gemini')}); npm ci installs it`);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Gemini relaunches itself as a child node process whose argv names its bundle, not node_modules/.bin.
const geminiProcess = '@google/gemini-cli';

let current: TaskProject | undefined;
let server: FakeModelServer | undefined;
const clients: DaemonClient[] = [];
afterEach(async (context) => {
  for (const client of clients.splice(0)) client.close();
  if (context.task.result?.state === 'fail' && current !== undefined) await printDiagnostics(current);
  await current?.cleanup();
  if (current !== undefined) {
    killProcessesOf(current.home, agentBinDir);
    killProcessesOf(current.home, geminiProcess);
  }
  await server?.close();
  current = undefined;
  server = undefined;
});

async function printDiagnostics(project: TaskProject): Promise<void> {
  const logFile = daemonPaths(project.home).logFile;
  const requests = (server?.requests ?? []).map((request) => `${request.method} ${request.path} ${JSON.stringify((request.body as { contents?: unknown[] } | undefined)?.contents?.at(-1) ?? '').slice(0, 200)}`);
  console.log(`daemon log:\n${existsSync(logFile) ? readFileSync(logFile, 'utf8') : '(none)'}\nmodel requests:\n${requests.join('\n')}\nagent output:\n${(await project.bin(['logs', '1'])).stdout.slice(-3000)}`);
}

/** Plays the model: the task's prompt gets a write_file, then a shell command (which auto_edit asks about), then a final text. */
function play(worktree: () => string): (request: RecordedRequest) => StaticTurn {
  return (request) => {
    if (request.endpoint !== Endpoint.gemini) return { text: 'ok' };
    const answered = answeredFunction(request);
    if (answered === 'write_file') return { toolCalls: [{ name: 'run_shell_command', input: { command: 'echo built > bash-output.txt', description: 'Write bash-output.txt' } }] };
    if (answered === 'run_shell_command') return { text: 'Wrote gemini-output.txt and ran the build.' };
    if (lastTurnSays(request, 'Create gemini-output.txt')) return { text: 'Writing the file.', toolCalls: [{ name: 'write_file', input: { file_path: join(worktree(), 'gemini-output.txt'), content: 'written by gemini in a task\n' } }] };
    return { text: 'ok' };
  };
}

describe.skipIf(missing)('issue 9: the real Gemini CLI as a task', () => {
  it('gemini writes in its worktree; its hooks report working, needs-input and idle; approved through attach, it runs the command', { timeout: 120_000 }, async () => {
    let worktree = '';
    server = await startFakeModelServer({ fallback: play(() => worktree) });
    // Quiescence would call the agent idle only after a minute: within this test only the hooks can.
    const project = (current = new TaskProject({ quietMs: 60_000 }));
    const userHome = join(project.root, 'gemini-user-home');
    Object.assign(project.env, geminiEnvironment(server, userHome));
    const logFile = daemonPaths(project.home).logFile;

    expect((await project.bin(['new', 'gm-build', '-m', 'Create gemini-output.txt, then run the build.', '--agent', 'gemini'])).code).toBe(0);
    worktree = taskWorktree(project, 1, 'gm-build');
    const client = await project.client();
    clients.push(client);
    const changes: TaskChange[] = [];
    client.onNotification('task.changed', (change: TaskChange) => changes.push(change));
    await client.call('task.subscribe', {});
    const started = await project.bin(['start', 'gm-build']);
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    const running = await project.task('gm-build');
    expect(running).toMatchObject({ status: 'running', agent: 'gemini', worktree });
    const session = running.agentSession!;
    expect(session).toMatch(uuid);

    // The file is written without a question (auto_edit); the shell command waits for approval,
    // and the Notification hook (ToolPermission) tells the daemon: needs input, announced to subscribers.
    await waitForFile(logFile, new RegExp(`agent reported .*"taskId":1,"activity":"waiting","sessionId":"${session}"`), 45_000);
    await expect.poll(() => changes.some((change) => change.kind === 'activity' && change.activity === 'waiting' && change.needsInput === true), { timeout: 10_000 }).toBe(true);
    expect(readFileSync(logFile, 'utf8')).toMatch(new RegExp(`agent reported .*"taskId":1,"activity":"working","sessionId":"${session}"`));
    expect(readFileSync(join(worktree, 'gemini-output.txt'), 'utf8')).toBe('written by gemini in a task\n');
    expect(existsSync(join(worktree, 'bash-output.txt'))).toBe(false);

    // attach: Gemini's approval dialog is redrawn; Enter allows once; Ctrl-] detaches and Gemini keeps running.
    const terminal = spawnInPty(process.execPath, [binPath, 'attach', 'gm-build'], { cwd: project.project, env: { ...process.env, ...project.env }, cols: 110, rows: 30 });
    const screen = terminalScreen(terminal, 110, 30);
    await screen.waitFor('Allow once', 20_000);
    terminal.write('\r');
    await screen.waitFor('Wrote gemini-output.txt and ran the build.', 30_000);
    terminal.write('\u001d');
    expect((await terminal.exited).exitCode).toBe(0);
    expect(readFileSync(join(worktree, 'bash-output.txt'), 'utf8')).toBe('built\n');

    // AfterAgent: idle, after working again once approved.
    await waitForFile(logFile, new RegExp(`"activity":"waiting"[^]*"activity":"working"[^]*agent reported [^\\n]*"activity":"idle","sessionId":"${session}"`), 20_000);
    await expect.poll(() => changes.filter((change) => change.kind === 'status').map((change) => change.status), { timeout: 10_000 }).toContain('idle');
    expect(await project.task('gm-build')).toMatchObject({ pid: running.pid, agentSession: session });
    // Gemini's settings and sessions live in the task's own state, not in the user's HOME or the worktree.
    expect(existsSync(join(userHome, '.gemini'))).toBe(false);
    expect(existsSync(join(worktree, '.gemini'))).toBe(false);

    // Stopping the daemon ends the agent: no Gemini process of this test outlives it.
    await project.bin(['daemon', 'stop']);
    await expect.poll(() => processesOf(project.home, geminiProcess).length, { timeout: 15_000 }).toBe(0);
  });
});
