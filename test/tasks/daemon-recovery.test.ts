import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { daemonPaths, orchestraVersion, readPidFile } from '../../src/server/daemon/index.js';
import type { TaskList } from '../../src/server/tasks/task-queries.js';
import { agentProcesses, daemonLog, daemonProcess, eventually, isAlive, killDaemon, recoveries } from '../support/agent-processes.js';
import { spawnInPty } from '../support/pty-driver.js';
import { recoveryProject, resumedTask, startedTask, startsOf } from '../support/recovery-project.js';
import { binPath, fakeAgentConfig, type TaskProject } from '../support/task-project.js';

let project: TaskProject | undefined;

/** The per-task agent records the daemon keeps (`<state>/agents/*.json`). */
function agentRecordFiles(p: TaskProject): string[] {
  const dir = join(daemonPaths(p.home).stateDir, 'agents');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
}
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

// Agents that ignore SIGHUP and SIGTERM survive their daemon's kill -9: the orphans recovery must find.
const stubborn = { env: { FAKE_AGENT_IGNORE_SIGHUP: '1' } };

describe('a daemon killed with -9', () => {
  it('is replaced by the next command, which kills the orphans and resumes each session once', { timeout: 120_000 }, async () => {
    project = recoveryProject(stubborn);
    const tasks = [await startedTask(project, 'alpha', 'fake'), await startedTask(project, 'beta', 'fake-child')];
    const sessions = tasks.map((task) => startsOf(project!, task)[0]!.session);
    const before = agentProcesses(project);
    // Two agents and the child of the second: all must outlive the daemon, or this test proves nothing.
    expect(before).toHaveLength(3);

    const oldDaemon = await killDaemon(project);
    expect(before.every(isAlive)).toBe(true);

    const listed = await project.bin(['status', '--json']);
    expect(listed.code).toBe(0);
    await eventually(() => project!.agentStarts().length === 4, 'both agents to be resumed');
    for (const [index, task] of tasks.entries()) {
      const resumed = await project.waitForTask(task.id, (view) => view.pid !== undefined && view.pid !== task.pid);
      expect(['running', 'idle']).toContain(resumed.status);
      const starts = startsOf(project, task);
      expect(starts).toHaveLength(2);
      expect(starts[1]).toMatchObject({ pid: resumed.pid, resumed: true, session: sessions[index] });
      expect(starts[1]!.argv.slice(-2)).toEqual(['--session', sessions[index]]);
    }
    // No process with an old pid and start time is left; what runs now is the two resumed agents and one new child.
    await eventually(() => !before.some(isAlive), 'the orphans to be killed');
    const now = agentProcesses(project);
    expect(now.filter((proc) => before.some((old) => old.pid === proc.pid))).toEqual([]);
    expect(now).toHaveLength(3);
    expect(isAlive(oldDaemon)).toBe(false);
    expect(daemonLog(project).filter((line) => line.includes('killing an orphaned agent'))).toHaveLength(2);

    // attach reaches the resumed agent: its screen, then a round trip of input.
    const terminal = spawnInPty(process.execPath, [binPath, 'attach', 'alpha'], { cwd: project.project, env: { ...process.env, ...project.env } });
    await terminal.waitFor(`resumed session ${sessions[0]}`);
    await terminal.waitFor('Proceed with the change? (y/n)');
    terminal.write('y\r');
    await terminal.waitFor('Anything else?');
    terminal.write('\u001d');
    expect((await terminal.exited).exitCode).toBe(0);
    expect(project.agentStarts()).toHaveLength(4);
  });
});

describe('`orchestra daemon stop` after a kill -9', () => {
  it('stops the agents the dead daemon left, and the next daemon still resumes them once', { timeout: 120_000 }, async () => {
    project = recoveryProject(stubborn);
    const task = await startedTask(project, 'alpha', 'fake-child');
    const orphans = agentProcesses(project);
    expect(orphans).toHaveLength(2);
    await killDaemon(project);
    expect(orphans.every(isAlive)).toBe(true);

    const stopped = await project.bin(['daemon', 'stop']);
    expect(stopped).toMatchObject({ code: 0, stderr: '' });
    expect(stopped.stdout).toBe('the orchestra daemon was not running; stopped 1 agent it left running (the next daemon resumes their sessions)\n');
    expect(orphans.filter(isAlive)).toEqual([]);
    expect((await project.bin(['daemon', 'status'])).code).toBe(1);

    expect((await project.bin(['status'])).code).toBe(0);
    await resumedTask(project, 'alpha', task.pid);
    expect(startsOf(project, task).map((start) => start.resumed)).toEqual([false, true]);
    expect(agentProcesses(project)).toHaveLength(2);
  });
});

describe('a daemon stopped with `orchestra daemon stop`', () => {
  it('stops its agents, and the next daemon resumes each session once', { timeout: 120_000 }, async () => {
    project = recoveryProject(stubborn);
    const tasks = [await startedTask(project, 'alpha', 'fake'), await startedTask(project, 'beta', 'fake-child')];
    const before = agentProcesses(project);
    expect(before).toHaveLength(3);

    const stopped = await project.bin(['daemon', 'stop']);
    expect(stopped).toMatchObject({ code: 0, stderr: '' });
    expect(stopped.stdout).toMatch(/^stopped the orchestra daemon \(pid \d+\)\n$/);
    // Stopped, not orphaned: nothing of theirs outlives `daemon stop`, even agents that ignore SIGTERM.
    expect(before.filter(isAlive)).toEqual([]);
    expect(agentProcesses(project)).toEqual([]);

    // Any command brings the daemon back; the tasks still say they run, and soon do again.
    const listed = await project.bin(['status', '--json']);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { tasks: Array<{ slug: string }> }).tasks.map((task) => task.slug)).toEqual(['alpha', 'beta']);

    await eventually(() => project!.agentStarts().length === 4, 'both agents to be resumed');
    for (const task of tasks) {
      const starts = startsOf(project, task);
      expect(starts.map((start) => start.resumed)).toEqual([false, true]);
      expect(starts[1]!.argv.slice(-2)).toEqual(['--session', starts[0]!.session]);
      const resumed = await project.waitForTask(task.id, (view) => view.pid === starts[1]!.pid);
      expect(['running', 'idle']).toContain(resumed.status);
    }
    expect(daemonLog(project).some((line) => line.includes('killing an orphaned agent'))).toBe(false);
  });
});

describe('recovery never resumes a session twice', () => {
  it('resumes once per restart: two restarts, two resumes of the same session', { timeout: 120_000 }, async () => {
    project = recoveryProject(stubborn);
    const task = await startedTask(project, 'alpha', 'fake');
    const session = startsOf(project, task)[0]!.session;
    for (const round of [1, 2]) {
      const previous = await project.task('alpha');
      await killDaemon(project);
      expect((await project.bin(['status'])).code).toBe(0);
      await resumedTask(project, 'alpha', previous.pid);
      // One recovery per daemon: the first one's found nothing to do.
      expect(recoveries(project)).toBe(round + 1);
      expect(startsOf(project, task).map((start) => start.session)).toEqual(Array(round + 1).fill(session));
      expect(agentProcesses(project)).toHaveLength(1);
    }
  });

  it('starts one daemon and one resume per task when two commands race right after a kill -9', { timeout: 120_000 }, async () => {
    project = recoveryProject(stubborn);
    const tasks = [await startedTask(project, 'alpha', 'fake'), await startedTask(project, 'beta', 'fake')];
    await killDaemon(project);
    const raced = await Promise.all([project.bin(['status']), project.bin(['status', 'beta']), project.bin(['logs', 'alpha'])]);
    expect(raced.map((result) => result.code)).toEqual([0, 0, 0]);
    for (const task of tasks) await resumedTask(project, task.id, task.pid);
    expect(recoveries(project)).toBe(2);
    for (const task of tasks) expect(startsOf(project, task).map((start) => start.resumed)).toEqual([false, true]);
    expect(agentProcesses(project)).toHaveLength(2);
    // The first daemon, then exactly one of the racers: the others lost the socket and said so.
    expect(daemonLog(project).filter((line) => line.includes('INFO daemon started'))).toHaveLength(2);
  });

  it('makes a `start` that arrives during recovery wait for it, then refuse: the agent already runs', { timeout: 120_000 }, async () => {
    project = recoveryProject(stubborn);
    const task = await startedTask(project, 'alpha', 'fake');
    await killDaemon(project);
    // The orphan ignores SIGTERM, so killing it takes the recovery seconds: this `start` arrives meanwhile.
    const started = await project.bin(['start', 'alpha']);
    expect(started.code).toBe(4);
    expect(started.stderr).toContain('already has a running agent');
    await resumedTask(project, 'alpha', task.pid);
    expect(startsOf(project, task).map((start) => start.resumed)).toEqual([false, true]);
    expect(agentProcesses(project)).toHaveLength(1);
  });
});

describe('which tasks recovery resumes', () => {
  it('resumes a completed task, which stays completed, and leaves a stopped task alone', { timeout: 120_000 }, async () => {
    project = recoveryProject(stubborn);
    const done = await startedTask(project, 'done', 'fake');
    const halted = await startedTask(project, 'halted', 'fake');
    expect((await project.bin(['complete', 'done'])).code).toBe(0);
    expect((await project.bin(['stop', 'halted'])).code).toBe(0);
    await killDaemon(project);

    expect((await project.bin(['status'])).code).toBe(0);
    const resumed = await resumedTask(project, 'done', done.pid);
    expect(resumed.status).toBe('completed');
    expect(startsOf(project, done).map((start) => start.resumed)).toEqual([false, true]);
    const stopped = await project.task('halted');
    expect(stopped.status).toBe('stopped');
    expect(stopped.pid).toBeUndefined();
    expect(startsOf(project, halted)).toHaveLength(1);
    expect(agentProcesses(project).map((proc) => proc.pid)).toEqual([resumed.pid]);
    expect(daemonLog(project).filter((line) => line.includes('agent recovery finished')).at(-1)).toContain('"resumed":1');
  });

  it('marks a task failed when its agent cannot be started again, after killing its orphan', { timeout: 120_000 }, async () => {
    project = recoveryProject(stubborn);
    const task = await startedTask(project, 'gone', 'fake-child');
    const orphans = agentProcesses(project);
    await killDaemon(project);
    // While no daemon runs, the user drops the profile from orchestra.yaml.
    writeFileSync(join(project.project, 'orchestra.yaml'), fakeAgentConfig());

    expect((await project.bin(['status'])).code).toBe(0);
    await eventually(() => recoveries(project!) === 2, 'recovery to finish');
    const failed = await project.task('gone');
    expect(failed.status).toBe('failed');
    expect(failed.pid).toBeUndefined();
    expect(orphans.some(isAlive)).toBe(false);
    expect(agentProcesses(project)).toEqual([]);
    expect(startsOf(project, task)).toHaveLength(1);
    const error = daemonLog(project).find((line) => line.includes('could not resume an agent'));
    expect(error).toContain('unknown agent \\"fake-child\\"');
    expect(agentRecordFiles(project)).toEqual([]);
  });

  it('stops a task whose agent has no session id to resume, after killing its orphan', { timeout: 120_000 }, async () => {
    project = recoveryProject(stubborn);
    const task = await startedTask(project, 'plain', 'fake-nosession');
    const orphans = agentProcesses(project);
    expect(orphans).toHaveLength(1);
    await killDaemon(project);
    expect(orphans.every(isAlive)).toBe(true);

    expect((await project.bin(['status'])).code).toBe(0);
    // The first daemon recovered nothing; the second one is the one that finds the orphan.
    await eventually(() => recoveries(project!) === 2, 'recovery to finish');
    const plain = await project.task('plain');
    expect(plain.status).toBe('stopped');
    expect(plain.pid).toBeUndefined();
    expect(orphans.some(isAlive)).toBe(false);
    expect(agentProcesses(project)).toEqual([]);
    expect(startsOf(project, task)).toHaveLength(1);
    const log = daemonLog(project).join('\n');
    expect(log).toContain('the agent reported no session id, so it cannot be resumed; its task is stopped');
    expect(log).toContain('"stopped":1');
  });
});

describe('the daemon state file', () => {
  it('is set aside when it is garbage: the daemon starts, logs why, and every task is still listed', { timeout: 120_000 }, async () => {
    project = recoveryProject();
    const alpha = await startedTask(project, 'alpha', 'fake');
    expect((await project.bin(['new', 'beta', '-m', 'later', '--agent', 'fake'])).code).toBe(0);
    expect((await project.bin(['daemon', 'stop'])).code).toBe(0);
    const stateFile = join(daemonPaths(project.home).stateDir, 'state.json');
    writeFileSync(stateFile, '{"projects": [ garbage');

    const listed = await project.bin(['status', '--json']);
    expect(listed.code).toBe(0);
    const list = JSON.parse(listed.stdout) as TaskList;
    expect(list.tasks.map((task) => task.slug)).toEqual(['alpha', 'beta']);
    expect(['running', 'idle']).toContain(list.tasks[0]!.status);
    expect(list.tasks[1]!.status).toBe('draft');
    expect(list.problems).toEqual([]);
    const warning = daemonLog(project).find((line) => line.includes('ignoring unreadable daemon state'));
    expect(warning).toContain(stateFile);
    expect(warning).toContain(`moved to ${stateFile}.corrupt`);
    expect(warning).toContain('Its agents keep their own records');
    // Nothing stored is lost: the bad file is kept, and the new daemon writes a good one.
    expect(readFileSync(`${stateFile}.corrupt`, 'utf8')).toBe('{"projects": [ garbage');
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({ projects: [project.project] });
    // Its agent's record is a file of its own: the daemon resumed it, and `start` finds it running.
    await resumedTask(project, 'alpha', undefined);
    expect((await project.bin(['start', 'alpha'])).code).toBe(4);
    expect(startsOf(project, alpha).map((start) => start.resumed)).toEqual([false, true]);
  });
});

describe('orchestra daemon start | status | stop | restart | logs', () => {
  it('report, start and stop the daemon with the documented outputs and exit codes', { timeout: 120_000 }, async () => {
    project = recoveryProject();
    const paths = daemonPaths(project.home);
    expect(await project.bin(['daemon', 'status'])).toMatchObject({ code: 1, stdout: 'the orchestra daemon is not running (any task command starts it)\n' });
    expect(await project.bin(['daemon', 'status', '--json'])).toMatchObject({ code: 1, stdout: '{"running":false}\n' });
    expect(await project.bin(['daemon', 'logs'])).toMatchObject({ code: 0, stdout: `no daemon log yet (${paths.logFile})\n` });
    expect(await project.bin(['daemon', 'stop'])).toMatchObject({ code: 0, stdout: 'the orchestra daemon was not running\n' });

    expect(await project.bin(['daemon', 'start'])).toMatchObject({ code: 0, stdout: 'started the orchestra daemon\n', stderr: '' });
    expect(await project.bin(['daemon', 'start'])).toMatchObject({ code: 0, stdout: 'the orchestra daemon is already running\n' });
    const daemon = await daemonProcess(project);
    // The HTTP API listens a moment after the socket answers (issue 12): its URL shows once it does.
    await eventually(() => existsSync(paths.httpFile), 'the HTTP API to write its URL');
    const json = await project.bin(['daemon', 'status', '--json']);
    expect(json.code).toBe(0);
    const status = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(Object.keys(status).sort()).toEqual(['pid', 'rssBytes', 'running', 'socket', 'startedAt', 'uptimeMs', 'url', 'version']);
    expect(status.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(status).toMatchObject({ running: true, pid: readPidFile(paths.pidFile)?.pid, socket: paths.socket, version: orchestraVersion() });
    expect(Number.isNaN(Date.parse(String(status.startedAt)))).toBe(false);
    expect(status.uptimeMs).toBeGreaterThanOrEqual(0);
    expect(status.rssBytes).toBeGreaterThan(1_000_000);
    expect((await project.bin(['daemon', 'status'])).stdout).toMatch(new RegExp(`^the orchestra daemon is running: pid ${status.pid}, up \\d+s, [\\d.]+ MB, socket ${paths.socket}, HTTP API ${String(status.url)}\\n$`));
    // Only this user may talk to it.
    const socket = statSync(paths.socket);
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
    expect(statSync(paths.dir).mode & 0o777).toBe(0o700);

    const logs = await project.bin(['daemon', 'logs']);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toMatch(/INFO daemon listening .*"pid":\d+/);
    const last = await project.bin(['daemon', 'logs', '--lines', '1']);
    expect(last.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(logs.stdout.endsWith(last.stdout)).toBe(true);
    const badLines = await project.bin(['daemon', 'logs', '--lines', 'ten']);
    expect(badLines.code).toBe(2);
    expect(badLines.stderr).toContain('--lines must be a whole number of lines, not "ten"');
    const unknown = await project.bin(['daemon', 'reload']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown daemon action "reload"');
    expect(unknown.stderr).toContain('orchestra daemon start | stop | restart | status | logs');

    // issue 9: restart is a stop and a start; the old daemon is gone, a new one answers.
    const restarted = await project.bin(['daemon', 'restart']);
    expect(restarted).toMatchObject({ code: 0, stderr: '' });
    const newPid = Number(/^restarted the orchestra daemon \(pid (\d+)\)\n$/.exec(restarted.stdout)?.[1]);
    expect(newPid).not.toBe(status.pid);
    expect(daemon.pid).toBe(status.pid);
    expect(isAlive(daemon)).toBe(false);

    const stopped = await project.bin(['daemon', 'stop']);
    expect(stopped).toMatchObject({ code: 0, stdout: `stopped the orchestra daemon (pid ${newPid})\n` });
    expect([existsSync(paths.socket), existsSync(paths.pidFile)]).toEqual([false, false]);
    expect((await project.bin(['daemon', 'status'])).code).toBe(1);
  });
});

describe('task files under kill -9', () => {
  it('are never half-written: the daemon dies mid-write again and again, and every file still parses', { timeout: 240_000 }, async () => {
    project = recoveryProject();
    await startedTask(project, 'alpha', 'fake');
    for (let round = 0; round < 3; round++) {
      expect((await project.bin(['status'])).code).toBe(0);
      const daemon = await daemonProcess(project);
      const client = await project.client();
      // A burst of writes: status flips of one task and new tasks, all in flight when the daemon dies.
      const calls = Array.from({ length: 150 }, (_, i) =>
        i % 3 === 0
          ? client.call('task.create', { project: project!.project, slug: `r${round}-n${i}`, description: `made in round ${round}` })
          : client.call('task.setStatus', { project: project!.project, ref: 'alpha', status: i % 2 === 0 ? 'idle' : 'running' }),
      );
      const settled = calls.map((call) => call.then(() => true, () => false));
      await Promise.race(settled);
      process.kill(daemon.pid, 'SIGKILL');
      const outcomes = await Promise.all(settled);
      client.close();
      // The kill landed inside the burst: some writes were done, some never answered.
      expect(outcomes).toContain(true);
      expect(outcomes).toContain(false);
      await eventually(() => !isAlive(daemon), 'the daemon to die');
    }
    const listed = await project.bin(['status', '--json']);
    expect(listed.code).toBe(0);
    const list = JSON.parse(listed.stdout) as TaskList;
    expect(list.problems).toEqual([]);
    expect(list.tasks.length).toBeGreaterThan(1);
    // Every name is `<id>:<slug>.md` of the task inside, ids unique; stray temp files are dot-files.
    const names = readdirSync(join(project.project, '.orchestra/tasks')).filter((name) => !name.startsWith('.'));
    expect(names.sort()).toEqual(list.tasks.map((task) => `${task.id}:${task.slug}.md`).sort());
    expect(new Set(list.tasks.map((task) => task.id)).size).toBe(list.tasks.length);
    expect((await project.bin(['status', 'set', 'alpha', 'idle'])).code).toBe(0);
  });
});
