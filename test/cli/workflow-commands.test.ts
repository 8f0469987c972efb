import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/core/clock.js';
import { mintTenantScope } from '../../src/core/tenant-scope.js';
import * as orchestra from '../../src/index.js';
import { createWorkflowProject, type TestProject } from '../../src/services/workflows/testing/project.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';
import { loadWorkflows, requireWorkflow } from '../../src/workflows/loader/index.js';
import { runInstance } from '../../src/workflows/runtime/index.js';
import { storeHumanTasks } from '../../src/workflows/runtime/testing/store-human-tasks.js';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

/*
 * The workflow commands as a user runs them (bin/orchestra.js, real processes), against a temp
 * ORCHESTRA_HOME and a temp project with workflows/approval.ts. The commands only record; the test
 * plays the worker with runInstance on the same store.
 */

let project: TestProject;
const home = () => join(project.dir, 'home');
const cli = (...argv: string[]) => runBin(argv, { cwd: project.dir, home: home(), env: { ORCHESTRA_USER: 'ann' } });

beforeAll(() => assertBuilt());
beforeEach(() => {
  project = createWorkflowProject('orchestra-wf-cli-');
});
afterEach(() => project.remove());

/** Runs the instance once, as a worker of tenant `default` would. */
async function drive(id: string): Promise<string> {
  const store = await openSqliteStore(join(home(), 'orchestra.db'));
  try {
    const scope = mintTenantScope('default');
    const { definition } = requireWorkflow(await loadWorkflows(project.dir, { orchestraModule: orchestra }), 'approval');
    const outcome = await runInstance({ store, scope, clock: systemClock, owner: 'test-worker', humanTasks: storeHumanTasks(store, scope, systemClock) }, definition, id);
    return outcome.status;
  } finally {
    await store.close();
  }
}

const input = '{"amount":21,"customer":"ACME"}';

describe('issue 11: orchestra workflow start | list | show | signal | cancel | fork', () => {
  it('starts, shows the pending task in show, list, runs and inbox, takes the answer and a signal, forks', async () => {
    const started = await cli('workflow', 'start', 'approval', '--input', input, '--id', 'o1', '--no-daemon');
    expect(started).toMatchObject({ code: 0, stderr: '' });
    expect(started.stdout).toMatch(/^Started workflow approval as o1 \(version [0-9a-f]{16}\)\.\nA worker runs it/);
    const again = await cli('workflow', 'start', 'approval', '--input', '{"amount":1,"customer":"B"}', '--id', 'o1', '--no-daemon');
    expect(again).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Workflow instance o1 exists already \(approval, running\): nothing started\./) });

    expect(await drive('o1')).toBe('waiting');
    const list = await cli('workflow', 'list');
    expect(list.stdout).toMatch(/^ID +WORKFLOW +STATUS +VERSION +WAITING ON +STARTED +UPDATED\no1 +approval +waiting +[0-9a-f]{8} +Approve 42 EUR for ACME\? \(task wf:o1:1\) +\d{4}-/);
    const show = await cli('workflow', 'show', 'o1');
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('status:   waiting\nwaiting:  Approve 42 EUR for ACME? (task wf:o1:1)\ntask:     wf:o1:1 "Approve 42 EUR for ACME?" (open): see it with `orchestra inbox show wf:o1:1`, answer with `orchestra answer wf:o1:1`\nversion:  ');
    expect(show.stdout).toMatch(/journal:\n {2}# +KIND +NAME +AT +RESULT\n {2}0 +step +quote +\d{4}-\S+ \S+ +\{"total":42\}\n/);
    const runs = await cli('runs');
    expect(runs.stdout).toMatch(/\no1 +approval \(workflow\) +waiting +Approve 42 EUR for ACME\? \(task wf:o1:1\) +\d{4}-/);
    expect((await cli('runs', 'o1')).stdout).toMatch(/^approval {2}\(o1\)\nstatus: {3}waiting/);
    const task = await cli('inbox', 'show', 'wf:o1:1');
    expect(task.stdout).toContain('(workflow approval (o1), step Approve 42 EUR for ACME?)');

    expect(await cli('answer', 'wf:o1:1', 'ok=true')).toMatchObject({ code: 0 });
    expect(await drive('o1')).toBe('waiting');
    expect((await cli('workflow', 'list', '--status', 'waiting')).stdout).toMatch(/\no1 +approval +waiting +[0-9a-f]{8} +signal "ship" +/);
    expect(await cli('workflow', 'signal', 'o1', 'ship', '--data', '"DHL"')).toMatchObject({ code: 0, stdout: 'Sent signal "ship" to workflow instance o1 (signal #1): kept until the workflow waits for it.\n' });
    expect(await drive('o1')).toBe('completed');
    const done = JSON.parse((await cli('workflow', 'show', 'o1', '--json')).stdout) as { instance: { status: string; result: unknown }; journal: Array<{ name: string }> };
    expect(done.instance).toMatchObject({ status: 'completed', result: { ok: true, carrier: 'DHL', code: 'v1' } });
    expect(done.journal.map((e) => e.name)).toEqual(['quote', 'Approve 42 EUR for ACME?', 'ship', 'ship']);

    const finished = await cli('workflow', 'signal', 'o1', 'ship');
    expect(finished).toMatchObject({ code: 4, stderr: expect.stringContaining('error[E_WORKFLOW_STATE]: cannot send signal "ship" to workflow instance "o1": it is completed') });
    expect(await cli('workflow', 'cancel', 'o1')).toMatchObject({ code: 4, stderr: expect.stringContaining('error[E_WORKFLOW_STATE]') });

    const fork = await cli('workflow', 'fork', 'o1', '--from-step', '3');
    const forkedId = /^Forked o1 from step 3 as (wf-[0-9a-f-]+): 3 journal entries copied/.exec(fork.stdout)?.[1];
    expect(forkedId, fork.stdout + fork.stderr).toBeDefined();
    expect(await drive(forkedId as string)).toBe('completed');
    expect(JSON.parse((await cli('workflow', 'show', forkedId as string, '--json')).stdout)).toMatchObject({ instance: { status: 'completed', result: { ok: true, carrier: 'DHL' } } });
  });

  it('cancel marks a running instance cancelled; another tenant sees no instance', async () => {
    expect((await cli('workflow', 'start', 'approval', '--input', input, '--id', 'o2', '--no-daemon')).code).toBe(0);
    expect(await cli('workflow', 'show', 'o2', '--tenant', 'globex')).toMatchObject({ code: 3, stderr: expect.stringContaining('error[E_WORKFLOW_NOT_FOUND]: workflow instance "o2" does not exist') });
    expect(await cli('workflow', 'list', '--tenant', 'globex')).toMatchObject({ code: 0, stdout: "No workflow instances in tenant globex. Start one: orchestra workflow start NAME --input '{…}'\n" });
    expect(await cli('workflow', 'cancel', 'o2')).toMatchObject({ code: 0, stdout: "Cancelled workflow instance o2 (approval); a worker runs its cleanup (the function's finally blocks).\n" });
    expect(JSON.parse((await cli('workflow', 'list', '--json')).stdout)).toMatchObject({ instances: [{ id: 'o2', status: 'cancelled' }], more: false });
  });

  it.each([
    ['--input that is not JSON', ['workflow', 'start', 'approval', '--input', '{"amount": 21, customer: "x"}'], 2, ['error[E_USAGE]: --input is not JSON: expected a property name in double quotes, found "c" at line 1, column 16', '  {"amount": 21, customer: "x"}', '                 ^']],
    ['an unknown workflow name', ['workflow', 'start', 'aproval', '--input', '{}'], 3, ['error[E_WORKFLOW_NOT_FOUND]: no workflow named "aproval". Did you mean "approval"?', '  hint: Workflows: approval.']],
    ['input failing the schema, field by field', ['workflow', 'start', 'approval', '--input', '{"amount":-3,"customer":""}'], 2, ['error[E_WORKFLOW_INPUT]: the input of workflow "approval" is not valid: amount: ', '; customer: ']],
    ['a bad --id', ['workflow', 'start', 'approval', '--input', input, '--id', 'a b'], 2, ['error[E_USAGE]: start a workflow: id: use letters, digits']],
    ['an unknown id to show', ['workflow', 'show', 'nope'], 3, ['error[E_WORKFLOW_NOT_FOUND]: workflow instance "nope" does not exist', 'hint: List instances with `orchestra workflow list`']],
    ['an unknown id to signal', ['workflow', 'signal', 'nope', 'ship'], 3, ['error[E_WORKFLOW_NOT_FOUND]']],
    ['an unknown id to cancel', ['workflow', 'cancel', 'nope'], 3, ['error[E_WORKFLOW_NOT_FOUND]']],
    ['an unknown id to fork', ['workflow', 'fork', 'nope', '--from-step', '0'], 3, ['error[E_WORKFLOW_NOT_FOUND]']],
    ['--data that is not JSON', ['workflow', 'signal', 'nope', 'ship', '--data', 'DHL'], 2, ['error[E_USAGE]: --data is not JSON: expected a value (an object, array, string, number, true, false or null), found "D" at line 1, column 1', `hint: A string is JSON in double quotes, inside the shell's quotes: --data '"DHL"'.`]],
    ['a --from-step that is not a number', ['workflow', 'fork', 'nope', '--from-step', 'two'], 2, ['error[E_USAGE]: --from-step must be a whole number, 0 or more (got "two")']],
    ['a --status that does not exist', ['workflow', 'list', '--status', 'done'], 2, ['error[E_USAGE]: --status: unknown status "done"', 'running, waiting, completed, failed, cancelled']],
  ])('refuses %s with a clear error and its exit code, storing nothing', async (_case, argv, code, messages) => {
    const result = await cli(...argv);
    expect(result.code, result.stderr).toBe(code);
    for (const message of messages) expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
    expect(JSON.parse((await cli('workflow', 'list', '--json')).stdout)).toEqual({ instances: [], more: false });
  });

  it('a fork from past the end of the journal names the positions it takes', async () => {
    expect((await cli('workflow', 'start', 'approval', '--input', input, '--id', 'o3', '--no-daemon')).code).toBe(0);
    expect(await drive('o3')).toBe('waiting');
    const result = await cli('workflow', 'fork', 'o3', '--from-step', '2');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain('error[E_USAGE]: cannot fork workflow instance "o3" from step 2: its journal has 1 entry\n  hint: Pass --from-step 0 to 1');
  });
});
