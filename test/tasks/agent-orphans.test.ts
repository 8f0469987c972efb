import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { daemonPaths } from '../../src/server/daemon/index.js';
import type { TaskList } from '../../src/server/tasks/task-queries.js';
import { agentProcesses, daemonLog, eventually, isAlive, killDaemon, recoveries } from '../support/agent-processes.js';
import { recoveryProject, resumedTask, startedTask, startsOf } from '../support/recovery-project.js';
import type { TaskProject } from '../support/task-project.js';

let project: TaskProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

// Agents that ignore SIGHUP and SIGTERM survive their daemon's kill -9: the orphans recovery must find.
const stubborn = { env: { FAKE_AGENT_IGNORE_SIGHUP: '1' } };

function stateFiles(p: TaskProject): { stateFile: string; recordsDir: string } {
  const { stateDir } = daemonPaths(p.home);
  return { stateFile: join(stateDir, 'state.json'), recordsDir: join(stateDir, 'agents') };
}

const damages = {
  garbage: (p: TaskProject) => writeFileSync(stateFiles(p).stateFile, '{"projects": [ garbage'),
  deleted: (p: TaskProject) => rmSync(stateFiles(p).stateFile),
  'deleted, with every agent record': (p: TaskProject) => {
    rmSync(stateFiles(p).stateFile);
    rmSync(stateFiles(p).recordsDir, { recursive: true });
  },
};

describe('issue 8.12: a daemon killed with -9 whose state file is damaged', () => {
  it.each(Object.keys(damages) as Array<keyof typeof damages>)(
    'state.json %s: the next daemon ends the orphans, status is right, each task resumes once and `start` makes no second agent',
    { timeout: 180_000 },
    async (damage) => {
      project = recoveryProject(stubborn);
      const tasks = [await startedTask(project, 'alpha', 'fake'), await startedTask(project, 'beta', 'fake-child')];
      const sessions = tasks.map((task) => startsOf(project!, task)[0]!.session);
      const before = agentProcesses(project);
      expect(before).toHaveLength(3);
      await killDaemon(project);
      expect(before.every(isAlive)).toBe(true);
      damages[damage](project);

      expect((await project.bin(['status'])).code).toBe(0);
      await eventually(() => recoveries(project!) === 2, 'recovery to finish');
      // No orphan outlives the recovery: every old pid (same start time) is gone.
      expect(before.filter(isAlive)).toEqual([]);
      for (const [index, task] of tasks.entries()) {
        const resumed = await resumedTask(project, task.id, task.pid);
        const starts = startsOf(project, task);
        expect(starts.map((start) => start.resumed)).toEqual([false, true]);
        expect(starts[1]).toMatchObject({ pid: resumed.pid, session: sessions[index] });
        expect(['running', 'idle']).toContain(resumed.status);
      }
      // `status` shows the agents that run now; `start` finds them and makes no second one.
      const listed = JSON.parse((await project.bin(['status', '--json'])).stdout) as TaskList;
      const now = agentProcesses(project);
      expect(listed.tasks.map((task) => task.pid).sort()).toEqual(now.filter((proc) => proc.argv[1] !== '-e').map((proc) => proc.pid).sort());
      for (const slug of ['alpha', 'beta']) {
        const again = await project.bin(['start', slug]);
        expect(again.code).toBe(4);
        expect(again.stderr).toContain('already has a running agent');
      }
      expect(project.agentStarts()).toHaveLength(4);
      expect(now).toHaveLength(3);
      expect(now.filter((proc) => before.some((old) => old.pid === proc.pid && old.startTime === proc.startTime))).toEqual([]);
      const log = daemonLog(project);
      expect(log.filter((line) => line.includes('killing an orphaned agent'))).toHaveLength(2);
      if (damage === 'garbage') expect(log.some((line) => line.includes('ignoring unreadable daemon state'))).toBe(true);
      // The project list state.json lost is back, for `status --all`.
      expect(JSON.parse(readFileSync(stateFiles(project).stateFile, 'utf8'))).toMatchObject({ projects: [project.project] });

      // And `stop` reaches each agent.
      expect((await project.bin(['stop', 'alpha'])).code).toBe(0);
      expect((await project.bin(['stop', 'beta'])).code).toBe(0);
      expect(agentProcesses(project)).toEqual([]);
    },
  );
});

describe('issue 8.12: a daemon killed between spawning an agent and recording its pid', () => {
  it('leaves an agent the next daemon still finds by its marker and ends; `start` then runs exactly one', { timeout: 180_000 }, async () => {
    project = recoveryProject(stubborn);
    expect((await project.bin(['new', 'alpha', '-m', 'task alpha', '--agent', 'fake'])).code).toBe(0);
    expect((await project.bin(['daemon', 'stop'])).code).toBe(0);
    // This daemon kills itself (SIGKILL) once the agent is up, before the pid reaches its record.
    const crashed = await project.bin(['start', 'alpha'], { env: { ORCHESTRA_TEST_KILL_AFTER_SPAWN: 'fake-agent started' } });
    expect(crashed.code).not.toBe(0);
    const orphans = agentProcesses(project);
    expect(orphans).toHaveLength(1);
    expect(orphans.every(isAlive)).toBe(true);
    const { recordsDir } = stateFiles(project);
    const records = existsSync(recordsDir) ? readdirSync(recordsDir).filter((name) => name.endsWith('.json')) : [];
    expect(records).toHaveLength(1);
    const record = JSON.parse(readFileSync(join(recordsDir, records[0]!), 'utf8')) as { pid?: number; marker?: string };
    expect(record.pid).toBeUndefined();
    expect(record.marker).toMatch(/^[0-9a-f-]{36}$/);

    expect((await project.bin(['status'])).code).toBe(0);
    // Three daemons so far: the first (stopped), the one that crashed, and this one.
    await eventually(() => recoveries(project!) === 3, 'recovery to finish');
    expect(orphans.filter(isAlive)).toEqual([]);
    expect(daemonLog(project).filter((line) => line.includes('killing an orphaned agent'))).toHaveLength(1);

    expect((await project.bin(['start', 'alpha'])).code).toBe(0);
    const task = await resumedTask(project, 'alpha', undefined);
    expect(agentProcesses(project).map((proc) => proc.pid)).toEqual([task.pid]);
    expect(project.agentStarts()).toHaveLength(2);
  });
});
