import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatePipeline } from '../../src/cli/testing/pipelines.js';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { answerGateTask, gateTasksOf, waitingTaskLine } from './helpers/gate-tasks.js';
import { assertBuilt, spawnCli, type Spawned } from './helpers/spawn-cli.js';

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'orchestra-gate-tasks-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const formGate = gatePipeline.replace('label="Ship it?"]', `label="Ship it?", human.form="{ comment: { type: textarea, label: 'Why?' } }"]`);

function setup(name: string, dot = gatePipeline): { home: string; file: string } {
  const home = join(dir, `${name}-home`);
  const file = join(dir, `${name}.dot`);
  writeFileSync(file, dot);
  return { home, file };
}

function startRun(argv: string[], home: string, closeInput: boolean): Spawned {
  const run = spawnCli(argv, { cwd: dir, home, env: { ORCHESTRA_USER: 'runner' } });
  if (closeInput) run.child.stdin?.end();
  return run;
}

async function waitingTask(run: Spawned): Promise<string> {
  const out = await run.waitForStdout(waitingTaskLine, 60_000);
  return waitingTaskLine.exec(out)?.[1] ?? '';
}

function kill(run: Spawned): void {
  if (run.child.exitCode !== null || run.child.signalCode !== null || run.child.pid === undefined) return;
  try {
    process.kill(-run.child.pid, 'SIGKILL');
  } catch {
    // The group ended between the check and the kill.
  }
}

/** Which of the gate's two targets the run walked into: the stage directory it made. */
async function takenBranch(home: string, runId: string): Promise<string[]> {
  const detail = JSON.parse((await runCli(['runs', runId, '--json'], { cwd: dir, home })).stdout) as { run: { logsRoot: string } };
  return ['ship', 'fix'].filter((node) => existsSync(join(detail.run.logsRoot, node)));
}

async function onlyRunId(home: string): Promise<string> {
  const listed = JSON.parse((await runCli(['runs', '--json'], { cwd: dir, home })).stdout) as { runs: { id: string }[] };
  expect(listed.runs).toHaveLength(1);
  return listed.runs[0]?.id ?? '';
}

describe('issue 10: gates become human tasks', () => {
  it('issue 10: a gate is answered by a second process while the run waits without a terminal, and the run takes that choice', async () => {
    const { home, file } = setup('second', formGate);
    // Not a TTY and no --auto-approve: the prompt is shown, but the input ends at once.
    const run = startRun(['run', file, '--simulate'], home, true);
    try {
      const id = await waitingTask(run);
      await run.waitForStdout('stays open for an answer from anywhere else');
      const [task] = await gateTasksOf(home);
      expect(task).toMatchObject({ id, status: 'open', createdBy: { kind: 'run', nodeId: 'review' } });
      expect(task?.form['choice']).toMatchObject({ type: 'select', required: true, options: [{ value: 'ship', label: 'Approve' }, { value: 'fix', label: 'Fix' }] });
      const listed = JSON.parse((await runCli(['runs', '--json'], { cwd: dir, home })).stdout) as { runs: Record<string, unknown>[] };
      expect(listed.runs[0]).toMatchObject({ displayState: 'waiting', waitingAt: 'review', humanTask: id });
      const table = await runCli(['runs'], { cwd: dir, home, env: { NO_COLOR: '1' } });
      expect(table.stdout).toContain(`waiting  review (task ${id})`);
      await answerGateTask(home, id, { choice: 'fix', comment: 'tests fail' });
      const ended = await run.exited;
      expect(ended.code, run.stderr()).toBe(0);
      const runId = await onlyRunId(home);
      expect(await takenBranch(home, runId)).toEqual(['fix']);
      const [after] = await gateTasksOf(home, runId);
      expect(after).toMatchObject({ status: 'completed', answeredBy: 'ann', answer: { choice: 'fix', comment: 'tests fail' } });
      expect(after?.answerConsumedAt).toBeTypeOf('number');
    } finally {
      kill(run);
    }
  });

  it('issue 10: the prompt still answers, through the service as the acting user, and its human.form field lands in the task', async () => {
    const { home, file } = setup('console', formGate);
    const run = startRun(['run', file, '--simulate'], home, false);
    try {
      await waitingTask(run);
      await run.waitForStdout('Select:');
      run.child.stdin?.write('A\n');
      await run.waitForStdout('Why?');
      run.child.stdin?.end('ship it\n');
      expect((await run.exited).code, run.stderr()).toBe(0);
      const [task] = await gateTasksOf(home);
      expect(task).toMatchObject({ status: 'completed', answeredBy: 'runner', answer: { choice: 'ship', comment: 'ship it' } });
    } finally {
      kill(run);
    }
  });

  it('issue 10: an answer from elsewhere withdraws the prompt of a terminal that stays open', async () => {
    const { home, file } = setup('withdraw');
    const run = startRun(['run', file, '--simulate'], home, false);
    try {
      const id = await waitingTask(run);
      await run.waitForStdout('Select:');
      await answerGateTask(home, id, { choice: 'ship' });
      expect((await run.exited).code, run.stderr()).toBe(0);
      const [task] = await gateTasksOf(home);
      expect(task).toMatchObject({ status: 'completed', answeredBy: 'ann' });
    } finally {
      kill(run);
    }
  });

  it('issue 10: kill -9 at the gate, resume: still exactly one task; an answer given while nobody waits is taken when the run resumes', async () => {
    const { home, file } = setup('resume');
    const first = startRun(['run', file, '--simulate'], home, true);
    let second: Spawned | undefined;
    let third: Spawned | undefined;
    try {
      const id = await waitingTask(first);
      kill(first);
      await first.exited;
      const runId = await onlyRunId(home);
      const shown = await runCli(['runs', runId], { cwd: dir, home, env: { NO_COLOR: '1' } });
      expect(shown.stdout).toContain(`Its gate waits on human task ${id}`);

      second = startRun(['resume', runId], home, true);
      expect(await waitingTask(second)).toBe(id);
      expect((await gateTasksOf(home)).map((task) => task.id)).toEqual([id]);
      kill(second);
      await second.exited;

      // Nobody drives the run now; the answer is kept until it resumes.
      await answerGateTask(home, id, { choice: 'fix' });
      third = startRun(['resume', runId], home, true);
      expect((await third.exited).code, third.stderr() + third.stdout()).toBe(0);
      const tasks = await gateTasksOf(home);
      expect(tasks.map((task) => task.id)).toEqual([id]);
      expect(tasks[0]?.history.filter((entry) => entry.action === 'answer-taken')).toHaveLength(1);
      expect(await takenBranch(home, runId)).toEqual(['fix']);
    } finally {
      for (const run of [first, second, third]) if (run) kill(run);
    }
  });

  it('issue 10: a bad human.form is a compile error at its line and column', async () => {
    const bad = gatePipeline.replace('label="Ship it?"]', 'label="Ship it?",\n        human.form="{ comment: { type: essay } }"]');
    const { home, file } = setup('bad-form', bad);
    const compiled = await runCli(['compile', file], { cwd: dir, home });
    expect(compiled.code).not.toBe(0);
    const output = compiled.stdout + compiled.stderr;
    // Line 6, the value starts at column 21 (after 8 spaces and `human.form="`); `type` is 13 characters into it.
    expect(output).toContain('bad-form.dot:6:34: error[human_form]: human.form of node "review": comment.type: unknown field type "essay"');
  });
});
