import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { daemonPaths, readPidFile } from '../../src/server/daemon/index.js';
import { attach, callThenAnswer, codexMissing, codexProcessNeedle, endCodexTask, lastUserText, startCodexTask, uuidPattern } from '../support/codex-task.js';
import { processesOf, waitForFile } from '../support/real-agent-env.js';
import { agentStateDir } from '../../src/server/tasks/task-paths.js';

// "Codex runs a task end to end": the built-in codex profile's TUI (`codex --no-daemon`) run by the
// real daemon in a real PTY, answered by the fake model server, with the hooks Orchestra writes
// into the task's own CODEX_HOME reporting the session, running and idle.
const missing = codexMissing('codex-task.test.ts');
afterEach(async (context) => endCodexTask(context.task.result?.state === 'fail'));

describe.skipIf(missing)('the real Codex CLI as a task', () => {
  it('issue 9: codex writes in its worktree; its hooks report the session, running and idle; attach shows it; after kill -9 the next daemon resumes the session with its history', { timeout: 60_000 }, async () => {
    const write = { text: 'Writing the file.', toolCalls: [{ name: 'exec_command', input: { cmd: "printf 'written by codex in a task\\n' > codex-output.txt" } }] };
    const play = callThenAnswer(write, 'Wrote codex-output.txt; the task is done.', { 'second request': 'Second answer, with the history.' });
    const { project, server, worktree, changes, logFile, pid } = await startCodexTask('cx-write', 'Create codex-output.txt in this repository.', play);
    const statuses = () => changes.filter((change) => change.kind === 'status').map((change) => change.status);

    // The hooks in the task's CODEX_HOME ran `orchestra hook codex`: working, then idle after the turn.
    const log = await waitForFile(logFile, new RegExp(`agent reported [^\\n]*"taskId":1,"activity":"idle","sessionId":"${uuidPattern}"`), 40_000);
    const session = new RegExp(`"activity":"idle","sessionId":"(${uuidPattern})"`).exec(log)![1]!;
    expect(log).toMatch(new RegExp(`agent reported [^\\n]*"taskId":1,"activity":"working","sessionId":"${session}"`));
    await expect.poll(statuses, { timeout: 10_000 }).toContain('idle');
    expect(statuses().slice(0, statuses().indexOf('idle') + 1)).toEqual(['running', 'idle']);
    expect(readFileSync(join(worktree, 'codex-output.txt'), 'utf8')).toBe('written by codex in a task\n');
    expect((await project.waitForTask('cx-write', (task) => task.agentSession === session)).pid).toBe(pid);
    // Codex's config and hooks are the task's own, in the daemon's state dir: nothing in the worktree or the user's home.
    const codexHome = join(agentStateDir(project.home, project.project, { id: 1 }), 'codex-home');
    expect(readFileSync(join(codexHome, 'hooks.json'), 'utf8')).toContain("'hook' 'codex'");
    expect(existsSync(join(worktree, '.codex'))).toBe(false);
    expect(existsSync(join(project.root, 'codex-user-home', '.codex'))).toBe(false);

    // attach: Codex's screen is redrawn; Ctrl-] detaches and Codex keeps running.
    const { terminal, screen } = attach(project, 'cx-write');
    await screen.waitFor('Wrote codex-output.txt; the task is done.', 20_000);
    terminal.write('\u001d');
    await terminal.waitFor('detached from task 1 (cx-write)');
    expect((await terminal.exited).exitCode).toBe(0);

    // kill -9 the daemon: the next one (started by `status`) ends the orphan and resumes the session.
    process.kill(readPidFile(daemonPaths(project.home).pidFile)!.pid, 'SIGKILL');
    expect((await project.bin(['status'])).code).toBe(0);
    const resumed = await project.waitForTask('cx-write', (task) => task.pid !== undefined && task.pid !== pid, 20_000);
    expect(resumed.agentSession).toBe(session);
    const codexes = processesOf(project.home, codexProcessNeedle);
    expect(codexes.length).toBeGreaterThan(0);
    for (const codex of codexes) expect(codex.argv).toEqual(expect.arrayContaining(['resume', '--', session]));

    // The resumed Codex has the history: a second prompt reaches the model along with the first,
    // and its hooks report the same session going idle again.
    const { terminal: again, screen: againScreen } = attach(project, 'cx-write');
    await againScreen.waitFor('Ask Codex to do anything', 20_000);
    again.write('second request');
    again.write('\r');
    await againScreen.waitFor('Second answer, with the history.', 20_000);
    again.write('\u001d');
    expect((await again.exited).exitCode).toBe(0);
    const second = server.requests.find((request) => lastUserText(request)?.includes('second request') === true);
    expect(JSON.stringify(second?.body)).toContain('Create codex-output.txt in this repository.');
    await waitForFile(logFile, new RegExp(`resumed agent [^\\n]*"sessionId":"${session}"[^]*agent reported [^\\n]*"activity":"idle","sessionId":"${session}"`), 20_000);
  });
});
