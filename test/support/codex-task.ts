import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { daemonPaths } from '../../src/server/daemon/index.js';
import type { DaemonClient } from '../../src/server/rpc/index.js';
import type { TaskChange } from '../../src/server/tasks/service-context.js';
import { startFakeModelServer, type FakeModelServer, type RecordedRequest, type StaticTurn } from './fake-model-server/index.js';
import { spawnInPty, type PtyDriver } from './pty-driver.js';
import { agentBinDir, answersCodexToolCall, codexEnvironment, killProcessesOf, offersCodexShell, processesOf, taskWorktree } from './real-agent-env.js';
import { binPath, TaskProject } from './task-project.js';
import { terminalScreen, type TerminalScreen } from './terminal-screen.js';

/** The Codex task tests skip, saying why, when npm did not install Codex. */
export function codexMissing(file: string): boolean {
  const missing = !existsSync(join(agentBinDir, 'codex'));
  if (missing) console.log(`${file}: skipped, ${join(agentBinDir, 'codex')} is missing (npm ci installs @openai/codex)`);
  return missing;
}

export const uuidPattern = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Every Codex process of a task has this in its argv (and the daemon does not). */
export const codexProcessNeedle = '--no-daemon';

export interface CodexTask {
  project: TaskProject;
  server: FakeModelServer;
  worktree: string;
  /** Every task.changed the daemon sent since before the start. */
  changes: TaskChange[];
  logFile: string;
  pid: number;
}

const clients: DaemonClient[] = [];
let current: CodexTask | undefined;

/**
 * Task 1 of a new project, run by the built-in codex profile against a fake model server that
 * `play` answers. Output must stay quiet for a minute before quiescence calls the agent idle:
 * within these tests only Codex's hooks can.
 */
export async function startCodexTask(slug: string, description: string, play: (request: RecordedRequest) => StaticTurn): Promise<CodexTask> {
  const server = await startFakeModelServer({ fallback: play });
  const project = new TaskProject({ quietMs: 60_000 });
  Object.assign(project.env, codexEnvironment(project.root, server));
  const worktree = taskWorktree(project, 1, slug);
  const changes: TaskChange[] = [];
  current = { project, server, worktree, changes, logFile: daemonPaths(project.home).logFile, pid: 0 };
  expect((await project.bin(['new', slug, '-m', description])).code).toBe(0);
  const client = await project.client();
  client.onNotification('task.changed', (change: TaskChange) => changes.push(change));
  await client.call('task.subscribe', {});
  clients.push(client);
  const started = await project.bin(['start', slug, '--agent', 'codex']);
  expect(started.stderr).toBe('');
  expect(started.code).toBe(0);
  const running = await project.task(slug);
  expect(running).toMatchObject({ status: 'running', agent: 'codex', worktree });
  current.pid = running.pid!;
  return current;
}

/** After each test: diagnostics on failure, then the daemon, every Codex of the task and the server go. */
export async function endCodexTask(failed: boolean): Promise<void> {
  for (const client of clients.splice(0)) client.close();
  const task = current;
  current = undefined;
  if (task === undefined) return;
  if (failed) await printDiagnostics(task);
  await task.project.cleanup();
  // `daemon stop` ended the agent: a Codex (or a background app-server of its) left now outlived the task.
  const left = processesOf(task.project.home, codexProcessNeedle).concat(processesOf(task.project.home, 'app-server'));
  killProcessesOf(task.project.home, codexProcessNeedle);
  killProcessesOf(task.project.home, 'app-server');
  await task.server.close();
  if (!failed) expect(left, 'Codex processes left after the daemon stopped').toEqual([]);
}

async function printDiagnostics({ project, server, logFile }: CodexTask): Promise<void> {
  const requests = server.requests.map((request) => `${request.method} ${request.path} ${request.model ?? ''} shell:${offersCodexShell(request)} output:${answersCodexToolCall(request)}`);
  console.log(`daemon log:\n${existsSync(logFile) ? readFileSync(logFile, 'utf8') : '(none)'}\nmodel requests:\n${requests.join('\n')}\nagent output:\n${(await project.bin(['logs', '1'])).stdout.slice(-3000)}`);
}

/** The text of the request's last input item when it is the user's message. */
export function lastUserText(request: RecordedRequest): string | undefined {
  const input = (request.body as { input?: unknown } | undefined)?.input;
  const last = Array.isArray(input) ? (input.at(-1) as { role?: string; content?: { text?: string }[] } | undefined) : undefined;
  return last?.role === 'user' ? (last.content ?? []).map((part) => part.text ?? '').join('') : undefined;
}

/** Plays the model: the task's prompt gets `call`, its output the text `done`, a later prompt `replies`; anything else "ok". */
export function callThenAnswer(call: StaticTurn, done: string, replies: Readonly<Record<string, string>> = {}): (request: RecordedRequest) => StaticTurn {
  return (request) => {
    if (!offersCodexShell(request)) return { text: 'ok' };
    const prompt = lastUserText(request);
    const reply = Object.entries(replies).find(([asked]) => prompt?.includes(asked) === true)?.[1];
    if (reply !== undefined) return { text: reply };
    if (answersCodexToolCall(request)) return { text: done };
    return call;
  };
}

/** `orchestra attach <slug>` in a real terminal of 110x30, and what that terminal shows. */
export function attach(project: TaskProject, slug: string): { terminal: PtyDriver; screen: TerminalScreen } {
  const terminal = spawnInPty(process.execPath, [binPath, 'attach', slug], { cwd: project.project, env: { ...process.env, ...project.env }, cols: 110, rows: 30 });
  return { terminal, screen: terminalScreen(terminal, 110, 30) };
}
