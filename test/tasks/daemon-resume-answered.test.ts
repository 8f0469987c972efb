import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { gatePipeline } from '../../src/cli/testing/pipelines.js';
import { openCliStore } from '../../src/cli/store-location.js';
import { isProcessAlive } from '../../src/core/process-alive.js';
import { answerGateTask, gateTasksOf } from '../cli/helpers/gate-tasks.js';
import { eventually, killGroup } from '../cli/helpers/spawn-cli.js';
import { TaskProject } from '../support/task-project.js';

let project: TaskProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function runState(home: string, runId: string): Promise<string | undefined> {
  const { store } = await openCliStore({ ORCHESTRA_HOME: home });
  try {
    return (await store.getRun(runId))?.state;
  } finally {
    await store.close();
  }
}

describe('issue 10: the daemon carries on runs answered while nobody drives them', () => {
  it('issue 10: a detached run killed -9 at its gate completes in the daemon once its task is answered', { timeout: 90_000 }, async () => {
    project = new TaskProject({ env: { ORCHESTRA_HUMAN_POLL_MS: '100' } });
    const home = project.home;
    const file = join(project.root, 'gate.dot');
    writeFileSync(file, gatePipeline);
    const started = await project.bin(['run', file, '--simulate', '--detach', '--json']);
    expect(started.code, started.stderr).toBe(0);
    const { runId, pid } = JSON.parse(started.stdout) as { runId: string; pid: number };
    try {
      const task = await eventually(async () => (await gateTasksOf(home, runId)).find((t) => t.status === 'open'), 'the gate task');
      killGroup(pid);
      await eventually(() => (isProcessAlive(pid) ? undefined : true), 'the run process to die');
      expect(await runState(home, runId)).toBe('running');
      const daemon = await project.bin(['daemon', 'start']);
      expect(daemon.code, daemon.stderr).toBe(0);
      await answerGateTask(home, task.id, { choice: 'ship' });
      expect(await eventually(async () => ((await runState(home, runId)) === 'completed' ? 'completed' : undefined), 'the daemon to complete the run', 60_000)).toBe('completed');
      const [after] = await gateTasksOf(home, runId);
      expect(after?.history.filter((entry) => entry.action === 'answer-taken')).toHaveLength(1);
    } finally {
      killGroup(pid);
    }
  });

  it('issue 10: a detached run in tenant acme is resumed by the daemon in acme once answered there; tenant beta neither sees nor answers its task', { timeout: 90_000 }, async () => {
    project = new TaskProject({ env: { ORCHESTRA_HUMAN_POLL_MS: '100' } });
    const home = project.home;
    const file = join(project.root, 'gate.dot');
    writeFileSync(file, gatePipeline);
    const acme = { ORCHESTRA_TENANT: 'acme' };
    const started = await project.bin(['run', file, '--simulate', '--detach', '--json'], { env: acme });
    expect(started.code, started.stderr).toBe(0);
    const { runId, pid } = JSON.parse(started.stdout) as { runId: string; pid: number };
    try {
      const task = await eventually(async () => (await gateTasksOf(home, runId, 'acme')).find((t) => t.status === 'open'), 'the gate task in acme');
      expect(task.tenant).toBe('acme');
      const listed = JSON.parse((await project.bin(['runs', '--json'])).stdout) as { runs: Array<{ id: string; tenant?: string; humanTask?: string; displayState: string }> };
      expect(listed.runs.find((run) => run.id === runId)).toMatchObject({ displayState: 'waiting', humanTask: task.id });
      // Every hint a person follows names the tenant: without it `orchestra answer` would not find the task.
      const detail = await project.bin(['runs', runId]);
      expect(detail.stdout).toContain('Tenant:    acme\n');
      expect(detail.stdout).toContain(`orchestra answer ${task.id} choice=<target> --tenant acme.`);
      const log = await eventually(() => {
        const text = readFileSync(join(home, 'runs', runId, 'detached.log'), 'utf8');
        return text.includes('Waiting for human task') ? text : undefined;
      }, 'the waiting line in the log');
      expect(log).toContain(`orchestra answer ${task.id} choice=<target> --tenant acme\``);
      killGroup(pid);
      await eventually(() => (isProcessAlive(pid) ? undefined : true), 'the run process to die');
      // The daemon is started in the default tenant: the run's own tenant must decide where it acts.
      const daemon = await project.bin(['daemon', 'start']);
      expect(daemon.code, daemon.stderr).toBe(0);

      const beta = { ORCHESTRA_TENANT: 'beta' };
      const betaInbox = await project.bin(['inbox', '--all', '--json'], { env: beta });
      expect(betaInbox.code, betaInbox.stderr).toBe(0);
      expect(betaInbox.stdout).not.toContain(task.id);
      const betaAnswer = await project.bin(['answer', task.id, 'choice=ship'], { env: beta });
      expect(betaAnswer.code).not.toBe(0);
      expect(betaAnswer.stderr).toContain('E_HUMAN_TASK_NOT_FOUND');
      expect((await gateTasksOf(home, runId, 'acme'))[0]?.status).toBe('open');

      const answered = await project.bin(['answer', task.id, 'choice=ship'], { env: acme });
      expect(answered.code, answered.stderr).toBe(0);
      expect(await eventually(async () => ((await runState(home, runId)) === 'completed' ? 'completed' : undefined), 'the daemon to complete the run', 60_000)).toBe('completed');
      const [after] = await gateTasksOf(home, runId, 'acme');
      expect(after?.history.filter((entry) => entry.action === 'answer-taken')).toHaveLength(1);
    } finally {
      killGroup(pid);
    }
  });
});
