import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/core/errors.js';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

/*
 * `orchestra guided` as a user runs it (bin/orchestra.js, real processes, the real SQLite store in a
 * temp ORCHESTRA_HOME), in a temp project holding a copy of the shipped WORK workflow. No model is
 * configured (no orchestra.yaml, AI_SERVICE_ENDPOINT empty): the definition's rules decide.
 */

const shipped = join(import.meta.dirname, '../../templates/guided/WORK');
let base: string;
let project: string;
const cli = (...argv: string[]) => runBin(argv, { cwd: project, home: join(base, 'home'), env: { AI_SERVICE_ENDPOINT: '' } });
const json = async <T>(...argv: string[]): Promise<T> => {
  const result = await cli(...argv, '--json');
  expect(result, result.stderr).toMatchObject({ code: 0 });
  return JSON.parse(result.stdout) as T;
};

interface Answer {
  instance_id: string;
  status: string;
  next_step: { name: string; instructions: string } | null;
  reason: string;
}

beforeAll(() => assertBuilt());
beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-guided-cli-')));
  project = join(base, 'proj');
  mkdirSync(join(project, 'workflows'), { recursive: true });
  cpSync(shipped, join(project, 'workflows/WORK'), { recursive: true });
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('issue 13: orchestra guided list | start | status | advance | show | instances, and in runs', () => {
  it('lists the workflows, starts WORK and advances it by the rules to completed; show and runs tell its story', async () => {
    const list = await cli('guided', 'list');
    expect(list).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^NAME +TITLE +STEPS +VALID\nWORK +Work +5 +valid\n$/) });

    const started = await cli('guided', 'start', 'WORK', '--context', '{"goal":"Add CSV export"}');
    expect(started.code, started.stderr).toBe(0);
    const id = /^Started guided workflow WORK as (\S+)\.\n/.exec(started.stdout)?.[1];
    expect(id, started.stdout).toBeDefined();
    expect(started.stdout).toContain(`instance: ${id}\nstatus:   running\nstep:     CLARIFY_GOAL\n`);
    expect(started.stdout).toContain('The user asked: Add CSV export');
    expect(started.stdout).toContain(`Report it: orchestra guided advance ${id} --step CLARIFY_GOAL --status`);

    expect(await json<Answer>('guided', 'status', id!)).toMatchObject({ instance_id: id, status: 'running', next_step: { name: 'CLARIFY_GOAL' } });

    // A report for a step that is not current: its exit code, and nothing changes.
    const before = await json<{ instance: { version: number } }>('guided', 'show', id!);
    const early = await cli('guided', 'advance', id!, '--step', 'PLAN', '--status', 'success');
    expect(early.code).toBe(ExitCode.CONFLICT);
    expect(early.stderr).toContain('error[E_GUIDED_STEP_NOT_CURRENT]: the report is for step PLAN, but its current step is CLARIFY_GOAL');
    expect(early.stderr).toContain(`orchestra guided resume ${id} --assumed PLAN`);
    expect(await json('guided', 'show', id!)).toEqual(before);

    const steps: Array<[string, string, string[]]> = [
      ['CLARIFY_GOAL', 'success', ['--result', 'goal is clear', '--context-updates', '{"acceptance_criteria":["a CSV file is written"]}']],
      ['PLAN', 'success', ['--context-updates', '{"plan":["add exporter"],"verify_command":"npm test"}']],
      ['IMPLEMENT', 'success', ['--context-updates', '{"implementation_complete":true}']],
      ['VERIFY', 'failure', ['--result', '{"failed":["header row"]}']],
      ['IMPLEMENT', 'success', ['--context-updates', '{"implementation_complete":true}']],
      ['VERIFY', 'success', ['--context-updates', '{"verified":true}']],
    ];
    const visited: string[] = [];
    for (const [step, status, extra] of steps) {
      const answer = await json<Answer>('guided', 'advance', id!, '--step', step, '--status', status, ...extra);
      visited.push(answer.next_step?.name ?? answer.status);
    }
    expect(visited).toEqual(['PLAN', 'IMPLEMENT', 'VERIFY', 'IMPLEMENT', 'VERIFY', 'SUMMARISE']);
    const last = await cli('guided', 'advance', id!, '--step', 'SUMMARISE', '--status', 'success', '--result', 'done');
    expect(last).toMatchObject({ code: 0, stdout: expect.stringContaining('status:   completed\n') });

    const show = await cli('guided', 'show', id!);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(new RegExp(`^WORK {2}\\(${id}\\)\\nstatus: {3}completed\\n`));
    expect(show.stdout).toMatch(/\n {2}4 +VERIFY +failure +\S+ \S+ +\{"failed":\["header row"\]\}\n/);
    expect(show.stdout).toMatch(/\n {2}1 +start +rules +\S+ \S+ +CLARIFY_GOAL +CLARIFY_GOAL is the first step of WORK\n/);
    expect(show.stdout).toMatch(/\n {2}5 +advance +rules +\S+ \S+ +IMPLEMENT +rule "on failure: IMPLEMENT" at .*VERIFY\.md:\d+:\d+ matched/);
    const detail = await json<{ history: unknown[]; decisions: Array<{ kind: string; by: string }> }>('guided', 'show', id!);
    expect(detail.history).toHaveLength(7);
    expect(detail.decisions.map((d) => `${d.kind}/${d.by}`)).toEqual(['start/rules', ...Array<string>(7).fill('advance/rules')]);

    const instances = await cli('guided', 'ls');
    expect(instances.stdout).toMatch(new RegExp(`^ID +WORKFLOW +STATUS +STEP +STARTED +UPDATED\\n${id} +WORK +completed +\\d{4}-`));
    const runs = await cli('runs');
    expect(runs.stdout).toMatch(new RegExp(`\\n${id} +WORK \\(guided\\) +completed +\\d{4}-`));
    const runsJson = await json<{ runs: unknown[]; workflows: unknown[]; guided: Array<{ id: string; workflowName: string; status: string }> }>('runs');
    expect(runsJson).toMatchObject({ runs: [], workflows: [], guided: [{ id, workflowName: 'WORK', status: 'completed' }] });
    expect((await cli('runs', id!)).stdout).toMatch(new RegExp(`^WORK {2}\\(${id}\\)\\nstatus: {3}completed`));
  }, 120_000);

  it('lists a running instance in runs with its step; a resume with a wrong assumed step asks a person, whose answer shows in show', async () => {
    writeFileSync(join(base, 'context.json'), '{"goal":"Fix the login bug"}');
    const { instance_id: id } = await json<Answer>('guided', 'start', 'WORK', '--context-file', join(base, 'context.json'));
    expect((await cli('runs')).stdout).toMatch(new RegExp(`\\n${id} +WORK \\(guided\\) +running +CLARIFY_GOAL +\\d{4}-`));

    const resumed = await cli('guided', 'resume', id, '--assumed', 'PLAN');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('status:   waiting\n');
    expect(resumed.stdout).toContain('a person decides between the recorded CLARIFY_GOAL and the agent\'s PLAN');
    const task = /\(human task (\S+): `orchestra answer \1`\)/.exec(resumed.stdout)?.[1];
    expect(task, resumed.stdout).toBeDefined();
    expect((await cli('runs')).stdout).toMatch(new RegExp(`\\n${id} +WORK \\(guided\\) +waiting +a person to choose the step \\(CLARIFY_GOAL or PLAN\\), task ${task}`));

    expect(await cli('answer', task!, 'step=PLAN')).toMatchObject({ code: 0 });
    expect(await json<Answer>('guided', 'status', id)).toMatchObject({ status: 'running', next_step: { name: 'PLAN' } });
    const show = (await cli('guided', 'show', id)).stdout;
    expect(show).toMatch(/\n {2}2 +resume +rules +\S+ \S+ +\(ask-person\) +PLAN is neither/);
    expect(show).toMatch(/\n {2}3 +resume +person +\S+ \S+ +PLAN +\S+ chose PLAN \(recorded CLARIFY_GOAL, the agent assumed PLAN\)/);
  }, 60_000);

  it.each([
    ['--context that is not JSON', ['guided', 'start', 'WORK', '--context', '{"goal": Add}'], ExitCode.USAGE, ['error[E_USAGE]: --context is not JSON: ', 'at line 1, column 10']],
    ['--context that is not an object', ['guided', 'start', 'WORK', '--context', '["a"]'], ExitCode.USAGE, ['error[E_USAGE]: --context must be a JSON object of variables by name (got an array)']],
    ['a context missing a required variable', ['guided', 'start', 'WORK', '--context', '{}'], ExitCode.USAGE, ['error[E_GUIDED_CONTEXT]', 'goal']],
    ['an unknown workflow', ['guided', 'start', 'WROK'], ExitCode.NOT_FOUND, ['error[E_GUIDED_WORKFLOW_NOT_FOUND]: no guided workflow "WROK"', 'Did you mean "WORK"?']],
    ['an unknown instance', ['guided', 'status', 'nope'], ExitCode.NOT_FOUND, ['error[E_GUIDED_INSTANCE_NOT_FOUND]: guided workflow instance "nope" does not exist', 'orchestra guided instances']],
    ['--context-updates that is not JSON', ['guided', 'advance', 'nope', '--step', 'PLAN', '--status', 'success', '--context-updates', '{plan'], ExitCode.USAGE, ['error[E_USAGE]: --context-updates is not JSON']],
  ])('refuses %s with a clear error and its exit code, storing nothing', async (_case, argv, code, messages) => {
    const result = await cli(...argv);
    expect(result.code, result.stderr).toBe(code);
    for (const message of messages) expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
    expect(await json('guided', 'instances')).toEqual({ instances: [], more: false });
  }, 60_000);
});
