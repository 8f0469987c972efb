import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { daemonPaths, readPidFile } from '../../src/server/daemon/index.js';
import type { DaemonClient } from '../../src/server/rpc/index.js';
import type { TaskChange } from '../../src/server/tasks/service-context.js';
import type { TaskView } from '../../src/server/tasks/task-queries.js';
import { startFakeModelServer, type FakeModelServer, type RecordedRequest, type StaticTurn } from '../support/fake-model-server/index.js';
import { spawnInPty, type PtyDriver } from '../support/pty-driver.js';
import { eventually } from '../support/agent-processes.js';
import { agentBinDir, claudeEnvironment, killProcessesOf, opencodeEnvironment, processesOf, taskWorktree, transcriptsOf, waitForFile } from '../support/real-agent-env.js';
import { binPath, TaskProject } from '../support/task-project.js';
import { terminalScreen, type TerminalScreen } from '../support/terminal-screen.js';

// The acceptance point "the real Claude Code CLI started as a task against the fake model server,
// its hooks reporting idle to the daemon": the built-in claude-code profile, run by the real daemon
// in a real PTY, answered by test/support/fake-model-server.
const missingClaude = !existsSync(join(agentBinDir, 'claude'));
const missingOpencode = !existsSync(join(agentBinDir, 'opencode'));
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let current: TaskProject | undefined;
let server: FakeModelServer | undefined;
const clients: DaemonClient[] = [];
afterEach(async (context) => {
  for (const client of clients.splice(0)) client.close();
  if (context.task.result?.state === 'fail' && current !== undefined) await printDiagnostics(current);
  await current?.cleanup();
  if (current !== undefined) killProcessesOf(current.home, agentBinDir);
  await server?.close();
  current = undefined;
  server = undefined;
});

// What a failure on a slow machine needs to be understood: the daemon's view, the model's, the agent's screen.
async function printDiagnostics(project: TaskProject): Promise<void> {
  const logFile = daemonPaths(project.home).logFile;
  const requests = (server?.requests ?? []).map((request) => `${request.method} ${request.path} tools:${offersTools(request)} ${JSON.stringify(messagesOf(request).at(-1) ?? '').slice(0, 200)}`);
  console.log(`daemon log:\n${existsSync(logFile) ? readFileSync(logFile, 'utf8') : '(none)'}\nmodel requests:\n${requests.join('\n')}\nagent output:\n${(await project.bin(['logs', '1'])).stdout.slice(-3000)}`);
}

const messagesOf = (request: RecordedRequest) => (request.body as { messages?: unknown[] } | undefined)?.messages ?? [];
const mentions = (request: RecordedRequest, text: string) => JSON.stringify(messagesOf(request)).includes(text);
const offersTools = (request: RecordedRequest) => ((request.body as { tools?: Array<{ name: string }> } | undefined)?.tools ?? []).some((tool) => tool.name === 'Write');
// Anywhere in the conversation, not only the last message: Claude Code may append a message of its own
// (a reminder, a hook's context) after a tool result, and a fake keyed on the last one would loop.
const hasToolResult = (request: RecordedRequest) => JSON.stringify(messagesOf(request)).includes('"tool_result"');

/** Plays the model: the task's prompt gets a Write of `target`, then a final text; a later prompt a reply; anything else (titles) "ok". */
function writeThenAnswer(target: string): (request: RecordedRequest) => StaticTurn {
  return (request) => {
    if (!offersTools(request)) return { text: 'ok' };
    if (mentions(request, 'second request')) return { text: 'Second answer, with the history.' };
    if (hasToolResult(request)) return { text: 'Wrote claude-output.txt; the task is done.' };
    return { text: 'Writing the file.', toolCalls: [{ name: 'Write', input: { file_path: target, content: 'written by claude in a task\n' } }] };
  };
}

/** Plays the model: the task's prompt gets a Bash call, which acceptEdits does not allow, so Claude asks. */
function runBashThenAnswer(request: RecordedRequest): StaticTurn {
  if (!offersTools(request)) return { text: 'ok' };
  if (hasToolResult(request)) return { text: 'The build ran.' };
  return { text: 'Running the build.', toolCalls: [{ name: 'Bash', input: { command: "sh -c 'echo built > bash-output.txt'", description: 'Write bash-output.txt' } }] };
}

/** `orchestra attach <slug>` in a real terminal of 110x30, and what that terminal shows. */
function attach(project: TaskProject, slug: string): { terminal: PtyDriver; screen: TerminalScreen } {
  const terminal = spawnInPty(process.execPath, [binPath, 'attach', slug], { cwd: project.project, env: { ...process.env, ...project.env }, cols: 110, rows: 30 });
  return { terminal, screen: terminalScreen(terminal, 110, 30) };
}

interface ClaudeTask {
  project: TaskProject;
  claude: ReturnType<typeof claudeEnvironment>;
  worktree: string;
  /** Every task.changed the daemon sent since before the start. */
  changes: TaskChange[];
  running: TaskView;
  session: string;
  logFile: string;
}

/**
 * Task 1 of a new project, run by the built-in claude-code profile against a fake model server
 * that `play` (given the worktree) answers. Output must stay quiet for a minute before quiescence
 * calls the agent idle: within these tests only Claude's hooks can.
 */
async function startClaudeTask(slug: string, description: string, play: (worktree: string) => (request: RecordedRequest) => StaticTurn): Promise<ClaudeTask> {
  let worktree = '';
  server = await startFakeModelServer({ fallback: (request) => play(worktree)(request) });
  const project = (current = new TaskProject({ quietMs: 60_000 }));
  const claude = claudeEnvironment(project, server, slug);
  worktree = claude.worktree;
  Object.assign(project.env, claude.env);
  const logFile = daemonPaths(project.home).logFile;

  expect((await project.bin(['new', slug, '-m', description, '--agent', 'claude-code'])).code).toBe(0);
  const client = await project.client();
  const changes: TaskChange[] = [];
  client.onNotification('task.changed', (change: TaskChange) => changes.push(change));
  await client.call('task.subscribe', {});
  clients.push(client);
  const started = await project.bin(['start', slug]);
  expect(started.stderr).toBe('');
  expect(started.code).toBe(0);
  const running = await project.task(slug);
  expect(running).toMatchObject({ status: 'running', agent: 'claude-code', worktree });
  expect(running.agentSession).toMatch(uuid);
  return { project, claude, worktree, changes, running, session: running.agentSession!, logFile };
}

describe.skipIf(missingClaude)('the real Claude Code CLI as a task', () => {
  it('writes in its worktree; its hooks report the session and idle; attach shows it; after kill -9 the next daemon resumes it', { timeout: 180_000 }, async () => {
    const { project, claude, worktree, changes, running, session, logFile } = await startClaudeTask('write-file', 'Create claude-output.txt in this repository.', (worktree) => writeThenAnswer(join(worktree, 'claude-output.txt')));
    const statuses = () => changes.filter((change) => change.kind === 'status').map((change) => change.status);

    // Claude's Stop hook ran `orchestra hook claude`, which told the daemon: the task went idle.
    await waitForFile(logFile, new RegExp(`agent reported .*"taskId":1,"activity":"idle","sessionId":"${session}"`), 60_000);
    await expect.poll(statuses, { timeout: 10_000 }).toContain('idle');
    expect(statuses().slice(0, statuses().indexOf('idle') + 1)).toEqual(['running', 'idle']);
    expect(readFileSync(logFile, 'utf8')).toMatch(new RegExp(`agent reported .*"taskId":1,"activity":"working","sessionId":"${session}"`));
    expect(readFileSync(join(worktree, 'claude-output.txt'), 'utf8')).toBe('written by claude in a task\n');
    // The session id the daemon assigned is the one Claude wrote its transcript under.
    expect(transcriptsOf(claude.configDir)).toEqual([`${session}.jsonl`]);
    // issue 9: the daemon accepted the folder-trust dialog for the worktree in the session's own config dir.
    const claudeJson = JSON.parse(readFileSync(join(claude.configDir, '.claude.json'), 'utf8')) as { projects: Record<string, unknown>; hasCompletedOnboarding: boolean };
    expect(claudeJson.projects[worktree]).toMatchObject({ hasTrustDialogAccepted: true });
    expect(claudeJson.hasCompletedOnboarding).toBe(true);
    // The hooks came with --settings: no settings file of Claude's was written for them.
    expect(existsSync(join(claude.configDir, 'settings.json'))).toBe(false);
    expect(existsSync(join(worktree, '.claude'))).toBe(false);

    // attach: Claude's screen is redrawn; Ctrl-] detaches and Claude keeps running.
    const { terminal, screen } = attach(project, 'write-file');
    await screen.waitFor('Wrote claude-output.txt; the task is done.', 30_000);
    terminal.write('\u001d');
    await terminal.waitFor('detached from task 1 (write-file)');
    expect((await terminal.exited).exitCode).toBe(0);
    expect(await project.task('write-file')).toMatchObject({ pid: running.pid, agentSession: session });

    // kill -9 the daemon: the next one (started by `status`) kills the orphan and resumes the session.
    process.kill(readPidFile(daemonPaths(project.home).pidFile)!.pid, 'SIGKILL');
    expect((await project.bin(['status'])).code).toBe(0);
    const resumed = await project.waitForTask('write-file', (task) => task.pid !== undefined && task.pid !== running.pid, 30_000);
    expect(resumed.agentSession).toBe(session);
    const claudes = processesOf(project.home, '--resume');
    expect(claudes.map((proc) => proc.pid)).toEqual([resumed.pid]);
    expect(claudes[0]?.argv).toEqual(expect.arrayContaining(['--resume', session, '--settings']));
    expect(processesOf(project.home, '--session-id')).toEqual([]);
    // Its SessionStart hook (source "resume") says it waits for the user.
    await waitForFile(logFile, new RegExp(`resumed agent [^\\n]*"sessionId":"${session}"[^]*agent reported [^\\n]*"activity":"idle","sessionId":"${session}"`), 30_000);

    // The resumed Claude has the history: a second prompt reaches the model along with the first.
    const before = server!.requests.length;
    const { terminal: again, screen: againScreen } = attach(project, 'write-file');
    await againScreen.waitFor('Create claude-output.txt in this repository.', 30_000);
    again.write('second request');
    again.write('\r');
    await againScreen.waitFor('Second answer, with the history.', 60_000);
    again.write('\u001d');
    expect((await again.exited).exitCode).toBe(0);
    const second = server!.requests.slice(before).find((request) => mentions(request, 'second request'));
    expect(second !== undefined && mentions(second, 'Create claude-output.txt in this repository.')).toBe(true);
    expect(transcriptsOf(claude.configDir)).toEqual([`${session}.jsonl`]);
  });

  it('a permission question: the hooks say it needs input; answered through attach, it runs the command and goes idle', { timeout: 180_000 }, async () => {
    const { project, worktree, changes, session, logFile } = await startClaudeTask('run-build', 'Run the build.', () => runBashThenAnswer);

    // PermissionRequest / Notification hooks: needs input, announced to subscribers.
    await waitForFile(logFile, new RegExp(`agent reported .*"taskId":1,"activity":"waiting","sessionId":"${session}"`), 60_000);
    await expect.poll(() => changes.some((change) => change.kind === 'activity' && change.activity === 'waiting' && change.needsInput === true), { timeout: 10_000 }).toBe(true);
    expect(existsSync(join(worktree, 'bash-output.txt'))).toBe(false);

    const { terminal, screen } = attach(project, 'run-build');
    await screen.waitFor('Do you want to proceed?', 30_000);
    terminal.write('\r'); // "1. Yes"
    await screen.waitFor('The build ran.', 60_000);
    terminal.write('\u001d');
    expect((await terminal.exited).exitCode).toBe(0);
    expect(readFileSync(join(worktree, 'bash-output.txt'), 'utf8')).toBe('built\n');
    await waitForFile(logFile, new RegExp(`"activity":"waiting"[^]*"activity":"working"[^]*agent reported [^\\n]*"activity":"idle","sessionId":"${session}"`), 30_000);

    // issue 9: merged the moment its agent went quiet, with the agent still running.
    const merged = await project.bin(['merge', 'run-build']);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(readFileSync(join(project.project, 'bash-output.txt'), 'utf8')).toBe('built\n');
    expect(await project.task('run-build')).toMatchObject({ status: 'merged' });
    expect(existsSync(worktree)).toBe(false);
  });
});

describe.skipIf(missingClaude)('issue 9: Claude Code without a config dir of its own', () => {
  it('shows its folder-trust dialog, which the task reports as needing input; the user\'s ~/.claude.json is not written', { timeout: 120_000 }, async () => {
    server = await startFakeModelServer({ fallback: () => ({ text: 'ok' }) });
    const project = (current = new TaskProject({ quietMs: 1_500 }));
    const claude = claudeEnvironment(project, server, 'untrusted');
    const { CLAUDE_CONFIG_DIR: _configDir, ...env } = claude.env;
    Object.assign(project.env, env);
    // Without CLAUDE_CONFIG_DIR, Claude reads ~/.claude.json: the user's own file.
    const userFile = join(project.root, 'claude-home', '.claude.json');
    writeFileSync(userFile, readFileSync(join(claude.configDir, '.claude.json')));
    expect((await project.bin(['new', 'untrusted', '-m', 'Say hello.', '--agent', 'claude-code'])).code).toBe(0);
    expect((await project.bin(['start', 'untrusted'])).code).toBe(0);
    const waiting = await project.waitForTask('untrusted', (task) => task.needsInput, 60_000);
    expect(waiting.lastLine).toContain('Enter to confirm');
    // Claude itself rewrites the file (start counters); Orchestra added no trust to it.
    const userConfig = JSON.parse(readFileSync(userFile, 'utf8')) as { projects?: Record<string, { hasTrustDialogAccepted?: boolean }> };
    expect(userConfig.projects?.[claude.worktree]?.hasTrustDialogAccepted).not.toBe(true);
  });
});

describe.skipIf(missingOpencode)('the real Opencode CLI as a task', () => {
  it('writes in its worktree; its plugin reports the session and idle; after kill -9 the next daemon resumes the session', { timeout: 180_000 }, async () => {
    let worktree = '';
    const mainTurns: StaticTurn[] = [];
    // Opencode asks its small model for a session title beside the real work, in either order.
    const answer = (request: RecordedRequest): StaticTurn => (JSON.stringify(request.body).includes('title generator') ? { text: 'Write a file' } : (mainTurns.shift() ?? { text: 'Done.' }));
    server = await startFakeModelServer({ fallback: answer });
    const project = (current = new TaskProject({ quietMs: 60_000 }));
    Object.assign(project.env, opencodeEnvironment(project, server));
    const logFile = daemonPaths(project.home).logFile;

    expect((await project.bin(['new', 'oc-write', '-m', 'Create opencode-output.txt.', '--agent', 'opencode'])).code).toBe(0);
    worktree = taskWorktree(project, 1, 'oc-write');
    mainTurns.push({ toolCalls: [{ name: 'write', input: { filePath: join(worktree, 'opencode-output.txt'), content: 'written by opencode in a task' } }] }, { text: 'Wrote opencode-output.txt.' });
    const started = await project.bin(['start', 'oc-write']);
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    const first = await project.task('oc-write');
    expect(first).toMatchObject({ status: 'running', agent: 'opencode', worktree });

    // The plugin forwarded session.created (the id) and session.idle through `orchestra hook opencode`.
    const log = await waitForFile(logFile, /agent reported [^\n]*"taskId":1,"activity":"idle","sessionId":"ses_/, 90_000);
    const session = /agent reported [^\n]*"sessionId":"(ses_[^"]+)"/.exec(log)?.[1];
    expect(session).toMatch(/^ses_/);
    expect(readFileSync(join(worktree, 'opencode-output.txt'), 'utf8')).toBe('written by opencode in a task');
    const idle = await project.waitForTask('oc-write', (task) => task.agentSession === session);
    expect(idle.pid).toBe(first.pid);

    process.kill(readPidFile(daemonPaths(project.home).pidFile)!.pid, 'SIGKILL');
    expect((await project.bin(['status'])).code).toBe(0);
    const resumed = await project.waitForTask('oc-write', (task) => task.pid !== undefined && task.pid !== first.pid, 30_000);
    expect(resumed.agentSession).toBe(session);
    // The task records the pid when the PTY forks; the agent's own arguments show once it has exec'd.
    await eventually(() => processesOf(project.home, `--session=${session}`).some((proc) => proc.pid === resumed.pid), 'the resumed Opencode to run with its session');
    expect(processesOf(project.home, '--prompt=')).toEqual([]);
  });
});
