import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatePipeline } from '../../src/cli/testing/pipelines.js';
import { answerGateTask, waitingTaskLine } from './helpers/gate-tasks.js';
import { assertBuilt, spawnCli } from './helpers/spawn-cli.js';

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'orchestra-gate-dev-null-'));
  writeFileSync(join(dir, 'gate.dot'), gatePipeline);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('issue 10: a gate with stdin from /dev/null', () => {
  it('issue 10: prints the question but no stray Select: prompt, and the run completes once its task is answered elsewhere', async () => {
    const home = join(dir, 'home');
    const devNull = openSync('/dev/null', 'r');
    const run = spawnCli(['run', join(dir, 'gate.dot'), '--simulate'], { cwd: dir, home, stdin: devNull });
    closeSync(devNull);
    try {
      const shown = await run.waitForStdout('No answer at the terminal', 60_000);
      const taskId = waitingTaskLine.exec(shown)?.[1];
      expect(taskId).toBeDefined();
      await answerGateTask(home, taskId!, { choice: 'ship' });
      expect((await run.exited).code).toBe(0);
      expect(run.stdout()).toContain('[?] Ship it?');
      expect(run.stdout()).not.toContain('Select:');
      expect(run.stdout()).toMatch(/\n\s*\[F\] Fix\n\[i\] review: No answer at the terminal/);
    } finally {
      if (run.child.exitCode === null && run.child.pid !== undefined) process.kill(-run.child.pid, 'SIGKILL');
    }
  });
});
