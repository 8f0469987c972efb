import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatePipeline } from '../../src/cli/testing/pipelines.js';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { answerGateTask, gateTasksOf } from './helpers/gate-tasks.js';
import { assertBuilt, eventually, killGroup } from './helpers/spawn-cli.js';

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'orchestra-run-detach-'));
  writeFileSync(join(dir, 'gate.dot'), gatePipeline);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ListedRun {
  id: string;
  displayState: string;
  waitingAt?: string;
}

async function listedRun(home: string, id: string): Promise<ListedRun | undefined> {
  const listed = await runCli(['runs', '--json'], { cwd: dir, home });
  return (JSON.parse(listed.stdout) as { runs: ListedRun[] }).runs.find((run) => run.id === id);
}

describe('issue 10: run --detach', () => {
  it('issue 10: run --detach starts the daemon, prints the run id and returns; the run waits on its human task and completes once answered', async () => {
    const home = join(dir, 'home');
    const started = await runCli(['run', join(dir, 'gate.dot'), '--simulate', '--detach', '--json'], { cwd: dir, home });
    // The daemon fires the gate's SLA timers and sends its notices while no terminal waits.
    expect(started.stderr).toContain('started the orchestra daemon');
    expect(started.code).toBe(0);
    expect((await runCli(['daemon', 'status'], { cwd: dir, home })).stdout).toContain('running');
    const { runId, log, pid } = JSON.parse(started.stdout) as { runId: string; log: string; pid: number };
    try {
      expect(runId).toMatch(/^[0-9a-z]{16}$/);
      const waiting = await eventually(async () => {
        const run = await listedRun(home, runId);
        return run?.displayState === 'waiting' ? run : undefined;
      }, 'the detached run to wait at its gate');
      expect(waiting.waitingAt).toBe('review');
      const [task] = await gateTasksOf(home, runId);
      expect(task?.status).toBe('open');
      await answerGateTask(home, task!.id, { choice: 'ship' });
      const done = await eventually(async () => {
        const run = await listedRun(home, runId);
        return run?.displayState === 'completed' ? run : undefined;
      }, 'the detached run to complete');
      expect(done.id).toBe(runId);
      await eventually(() => (readFileSync(log, 'utf8').includes(`Run ${runId} completed (success)`) ? true : undefined), 'the result line in the log');
      expect(readFileSync(log, 'utf8')).toContain(`Waiting for human task ${task!.id}`);
    } finally {
      killGroup(pid);
      await runCli(['daemon', 'stop'], { cwd: dir, home });
    }
  });

  it('issue 10: run --detach refuses an invalid pipeline without starting anything', async () => {
    const home = join(dir, 'home-bad');
    writeFileSync(join(dir, 'bad.dot'), 'digraph Bad { start [shape=Mdiamond] }');
    const result = await runCli(['run', join(dir, 'bad.dot'), '--simulate', '--detach'], { cwd: dir, home });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Not started');
    expect(existsSync(join(home, 'runs'))).toBe(false);
  });

  it('issue 10: run --tenant with a bad tenant name is refused before anything is stored', async () => {
    const home = join(dir, 'home-bad-tenant');
    const result = await runCli(['run', join(dir, 'gate.dot'), '--simulate', '--detach', '--tenant', 'Bad Name'], { cwd: dir, home });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('error[E_USAGE]: Expected a tenant name (lowercase letters, digits, - and _), got "Bad Name"');
    expect(existsSync(join(home, 'runs'))).toBe(false);
  });
});
