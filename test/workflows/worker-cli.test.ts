import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, eventually, killGroup, runBin, spawnCli, type Spawned } from '../cli/helpers/spawn-cli.js';
import { createWorkerProject, type WorkerProject } from './worker-project.js';

let wp: WorkerProject;
let running: Spawned | undefined;
beforeEach(() => {
  assertBuilt();
  wp = createWorkerProject();
});
afterEach(() => {
  killGroup(running?.child.pid);
  running = undefined;
  wp.remove();
});

describe('orchestra worker and dev', () => {
  it('issue 11: a bad --concurrency is a usage error, and nothing is started', async () => {
    const result = await runBin(['worker', '--concurrency', '0'], { cwd: wp.project, home: wp.home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--concurrency and --lease-ms take a positive whole number');
    expect(result.stdout).toBe('');
  });

  it('issue 11: dev names a broken workflow file at file:line:col, serves the others, logs each step and reloads a changed file', async () => {
    writeFileSync(join(wp.project, 'workflows', 'broken.ts'), 'export const x = ;\n');
    running = spawnCli(['dev'], { cwd: wp.project, home: wp.home });
    await running.waitForStdout('5 workflows (asker, doubler, napper, parent, twenty)');
    await eventually(() => (running!.stderr().includes('workflows/broken.ts:1:') ? true : undefined), 'the broken file reported');
    await wp.start('twenty', { log: wp.log, stepMs: 0 }, 'dev-1');
    await running.waitForStdout(/twenty dev-1 {2}#19 step "step 19" done\n.*twenty dev-1 {2}completed: \{"total":190\}/);
    expect(running.stdout().match(/twenty dev-1 {2}#\d+ step/g)).toHaveLength(20);
    appendFileSync(join(wp.project, 'workflows', 'crash.ts'), '\n// changed\n');
    await running.waitForStdout(/reloaded twenty: version [0-9a-f]+ \(new instances run it; running ones keep theirs\)/);
  }, 60_000);

  it('issue 11: the worker gives a workflow agent() over the project backend and child() over its project workflows', async () => {
    running = spawnCli(['worker'], { cwd: wp.project, home: wp.home });
    await wp.start('parent', { log: wp.log }, 'p-1');
    await running.waitForStdout(/parent p-1 {2}completed: (.*)/);
    const result = JSON.parse(/parent p-1 {2}completed: (.*)/.exec(running.stdout())![1]!) as { agent: string; doubled: number };
    expect(result).toEqual({ agent: 'success', doubled: 42 });
  }, 60_000);
});
