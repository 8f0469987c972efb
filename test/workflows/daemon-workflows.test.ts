import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/humans/tasks/actor.js';
import { answer } from '../../src/humans/tasks/index.js';
import { assertBuilt, eventually, runBin } from '../cli/helpers/spawn-cli.js';
import { createWorkerProject, scope, type WorkerProject } from './worker-project.js';

let wp: WorkerProject;
beforeEach(() => {
  assertBuilt();
  wp = createWorkerProject();
});
afterEach(() => wp.remove());

describe('the daemon runs workflows by default', () => {
  it('issue 11: the daemon runs an instance from the project it was started in: its sleep fires, its task waits for the answer, it completes', async () => {
    await wp.start('napper', { log: wp.log }, 'd-nap');
    await wp.start('asker', { log: wp.log }, 'd-ask');
    const store = await wp.store();
    try {
      expect((await runBin(['daemon', 'start'], { cwd: wp.dir, home: wp.home })).code).toBe(0);
      await eventually(async () => ((await store.getWorkflow(scope, 'd-ask'))?.status === 'waiting' ? true : undefined), 'the task to be open');
      await store.updateHumanTask(scope, 'wf:d-ask:0', answer(systemActor, { colour: 'green' }, Date.now()));
      await eventually(async () => ((await store.getWorkflow(scope, 'd-ask'))?.status === 'completed' ? true : undefined), 'the answered instance to complete');
      await eventually(async () => ((await store.getWorkflow(scope, 'd-nap'))?.status === 'completed' ? true : undefined), 'the sleeper to wake and complete');
      expect((await store.getWorkflow(scope, 'd-ask'))?.result).toEqual({ colour: 'green' });
      expect(readFileSync(wp.log, 'utf8').split('\n').filter((line) => line.startsWith('d-nap woke'))).toHaveLength(1);
    } finally {
      await runBin(['daemon', 'stop'], { cwd: wp.dir, home: wp.home });
    }
  }, 60_000);
});
