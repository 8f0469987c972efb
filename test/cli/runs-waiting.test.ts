import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatePipeline } from '../../src/cli/testing/pipelines.js';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { assertBuilt, spawnCli } from './helpers/spawn-cli.js';

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'orchestra-runs-waiting-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ListedRun {
  id: string;
  displayState: string;
  currentNode?: string;
  waitingAt?: string;
}

describe('issue 9: runs shows a run blocked at a human gate', () => {
  it('issue 9: a run waiting at a gate is listed as waiting with the gate node, then completed once answered', async () => {
    const home = join(dir, 'home');
    writeFileSync(join(dir, 'gate.dot'), gatePipeline);
    // stdin stays open: the gate waits for an answer as it would at a terminal.
    const run = spawnCli(['run', join(dir, 'gate.dot'), '--simulate'], { cwd: dir, home });
    try {
      await run.waitForStdout('Ship it?', 60_000);
      const listed = await runCli(['runs', '--json'], { cwd: dir, home });
      const [waiting] = (JSON.parse(listed.stdout) as { runs: ListedRun[] }).runs;
      expect(waiting).toMatchObject({ displayState: 'waiting', currentNode: 'review', waitingAt: 'review' });
      const table = await runCli(['runs'], { cwd: dir, home, env: { NO_COLOR: '1' } });
      expect(table.stdout).toMatch(new RegExp(`${waiting?.id}\\s+Gate\\s+waiting\\s+review\\s`));
      const one = await runCli(['runs', waiting?.id ?? ''], { cwd: dir, home, env: { NO_COLOR: '1' } });
      expect(one.stdout).toContain('State:     waiting');
      expect(one.stdout).toContain('It waits for an answer at review');

      run.child.stdin?.end('A\n');
      expect((await run.exited).code).toBe(0);
      const after = JSON.parse((await runCli(['runs', '--json'], { cwd: dir, home })).stdout) as { runs: ListedRun[] };
      expect(after.runs[0]).toMatchObject({ displayState: 'completed' });
      expect(after.runs[0]?.waitingAt).toBeUndefined();
    } finally {
      if (run.child.exitCode === null && run.child.pid !== undefined) process.kill(-run.child.pid, 'SIGKILL');
    }
  });
});
