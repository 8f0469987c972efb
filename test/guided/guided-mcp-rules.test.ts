import { describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { advance, guidedProject, guidedSession, noModel, show, workflowName, type GuidedAnswer } from '../support/guided-mcp.js';
import { callError, callOk, connectStdio } from '../support/mcp-clients.js';

// The official MCP client over stdio (`orchestra mcp` of the built CLI, relaying to a real daemon)
// with no model configured: the definition's rule lines decide every step. Bad input is a tool
// error with Orchestra's code and hint, and leaves the stored instance as it was.

const session = guidedSession(() => guidedProject(noModel));

// Without `project`: the daemon serves this one project, as an agent in it would leave it out.
const start = (target: string) => callOk<GuidedAnswer>(session.mcp, 'start_workflow', { workflow_name: workflowName, context: { target, goal: 'smaller functions' } });

describe('issue 13: guided workflows over MCP with the rules alone', () => {
  it('issue 13: seed 004\'s five tools are listed once each, and no other tool takes their names', async () => {
    const { mcp } = session;
    const { tools } = await mcp.client.listTools();
    const seed = ['list_workflows', 'start_workflow', 'get_workflow_status', 'advance_workflow', 'resume_workflow'];
    const names = tools.map((tool) => tool.name);
    for (const name of seed) expect(names.filter((other) => other === name), name).toHaveLength(1);
    // Tool names are matched case-insensitively by some clients: no near-collision either.
    const folded = names.map((name) => name.toLowerCase().replace(/[-.]/g, '_'));
    expect(new Set(folded).size).toBe(names.length);
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get('start_workflow')?.inputSchema.required).toEqual(expect.arrayContaining(['workflow_name']));
    expect(byName.get('advance_workflow')?.inputSchema.required).toEqual(expect.arrayContaining(['instance_id', 'report']));
    expect(byName.get('resume_workflow')?.inputSchema.required).toEqual(expect.arrayContaining(['instance_id', 'assumed_current_step_name']));
    expect(byName.get('get_workflow_status')?.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.get('list_workflows')?.annotations).toMatchObject({ readOnlyHint: true });
  });

  it('issue 13: REFACTOR_WITH_TESTS from start_workflow to completed, a failing step sent to FIX_TESTS by its on failure: line and back', { timeout: 60_000 }, async () => {
    const { mcp } = session;
    const started = await start('src/report.ts');
    expect(started).toMatchObject({ status: 'running', next_step: { name: 'UNDERSTAND_TARGET', instructions: expect.stringContaining('`src/report.ts`') } });
    const id = started.instance_id;

    await advance(mcp, id, 'UNDERSTAND_TARGET', 'success', { test_command: 'npm test', test_files: ['test/report.test.ts'], tests_passing: true }, 'ENSURE_TESTS');
    await advance(mcp, id, 'ENSURE_TESTS', 'success', { tests_passing: true }, 'REFACTOR_STEP');
    const failed = await advance(mcp, id, 'REFACTOR_STEP', 'failure', { tests_passing: false, changes: ['inline total()'] }, 'FIX_TESTS');
    expect(failed.reason).toContain('failure');
    expect(failed.next_step?.instructions).toContain('Run `npm test` and read every failure');
    await advance(mcp, id, 'FIX_TESTS', 'success', { tests_passing: true }, 'REFACTOR_STEP');
    await advance(mcp, id, 'REFACTOR_STEP', 'success', { tests_passing: true, refactor_complete: true }, 'REVIEW_DIFF');
    await advance(mcp, id, 'REVIEW_DIFF', 'success', { tests_passing: true }, 'FINISH');
    expect(await advance(mcp, id, 'FINISH', 'success', { summary: 'done' }, null)).toMatchObject({ status: 'completed' });

    const done = await show(mcp, id);
    expect(done.instance).toMatchObject({ status: 'completed', context: { summary: 'done', refactor_complete: true } });
    expect(done.history.map((entry) => entry.step)).toEqual(['UNDERSTAND_TARGET', 'ENSURE_TESTS', 'REFACTOR_STEP', 'FIX_TESTS', 'REFACTOR_STEP', 'REVIEW_DIFF', 'FINISH']);
    expect(done.decisions.every((decision) => decision.by === 'rules' && decision.fallback === undefined)).toBe(true);
    expect(done.decisions.filter((decision) => decision.kind === 'advance').map((decision) => decision.input.asked)).toEqual(Array(7).fill('rules'));
    expect(await callOk<GuidedAnswer>(mcp, 'get_workflow_status', { instance_id: id })).toMatchObject({ status: 'completed', next_step: null });
  });

  it('issue 13: a resume with a wrong assumed step is reconciled by the rules, saying why', async () => {
    const { mcp } = session;
    const { instance_id: id } = await start('src/resume.ts');
    await advance(mcp, id, 'UNDERSTAND_TARGET', 'success', { tests_passing: true }, 'ENSURE_TESTS');
    // UNDERSTAND_TARGET is in the history: the record is ahead of the agent.
    const resumed = await callOk<GuidedAnswer>(mcp, 'resume_workflow', { instance_id: id, assumed_current_step_name: 'UNDERSTAND_TARGET' });
    expect(resumed).toMatchObject({ status: 'running', next_step: { name: 'ENSURE_TESTS' }, reason: 'rollback: UNDERSTAND_TARGET was done earlier (history); the record is ahead of the agent: back to the recorded step ENSURE_TESTS' });
    // The step after the recorded one, with a success report for it: continue from the agent's view.
    const continued = await callOk<GuidedAnswer>(mcp, 'resume_workflow', { instance_id: id, assumed_current_step_name: 'REFACTOR_STEP', report: { step_id: 'ENSURE_TESTS', status: 'success' } });
    expect(continued).toMatchObject({ next_step: { name: 'REFACTOR_STEP' }, reason: expect.stringMatching(/^continue: the agent reports ENSURE_TESTS done/) });
    const detail = await show(mcp, id);
    expect(detail.instance.currentStep).toBe('REFACTOR_STEP');
    expect(detail.decisions.slice(-2).map((decision) => [decision.kind, decision.by, decision.output.action])).toEqual([
      ['resume', 'rules', 'rollback'],
      ['resume', 'rules', 'continue'],
    ]);
  });

  it('issue 13: a resume the rules cannot settle asks a person (a human task); their answer, given over MCP, is taken up by get_workflow_status', async () => {
    const { mcp } = session;
    const { instance_id: id } = await start('src/person.ts');
    // REVIEW_DIFF is neither the step after UNDERSTAND_TARGET nor in the history.
    const waiting = await callOk<GuidedAnswer>(mcp, 'resume_workflow', { instance_id: id, assumed_current_step_name: 'REVIEW_DIFF' });
    expect(waiting).toMatchObject({ status: 'waiting', next_step: null, waiting_for: { step: 'UNDERSTAND_TARGET', human_task_id: expect.any(String) } });
    expect(waiting.reason).toContain('a person decides between the recorded UNDERSTAND_TARGET and the agent\'s REVIEW_DIFF');
    const humanTask = waiting.waiting_for!.human_task_id!;
    expect(await callOk<GuidedAnswer>(mcp, 'get_workflow_status', { instance_id: id })).toMatchObject({ status: 'waiting' });
    // While it waits, a report is refused and changes nothing.
    const refused = await callError(mcp, 'advance_workflow', { instance_id: id, report: { step_id: 'UNDERSTAND_TARGET', status: 'success' } });
    expect(refused).toMatchObject({ code: 'E_GUIDED_STATE', message: expect.stringContaining(`waits for human task ${humanTask}`), hint: expect.stringContaining('get_workflow_status') });

    expect(await callOk(mcp, 'human_task_answer', { id: humanTask, answer: { step: 'REVIEW_DIFF' } })).toMatchObject({ status: 'completed' });
    const taken = await callOk<GuidedAnswer>(mcp, 'get_workflow_status', { instance_id: id });
    expect(taken).toMatchObject({ status: 'running', next_step: { name: 'REVIEW_DIFF', instructions: expect.stringContaining('`src/person.ts`') } });
    expect((await show(mcp, id)).decisions.at(-1)).toMatchObject({ kind: 'resume', by: 'person', output: { action: 'person', next_step: 'REVIEW_DIFF' } });
  });

  it('issue 13: two reports of the same step at once: one is taken, the other refused, and the history has one entry', async () => {
    const { mcp, p } = session;
    const { instance_id: id } = await start('src/race.ts');
    const other = await connectStdio(p);
    try {
      const report = { instance_id: id, report: { step_id: 'UNDERSTAND_TARGET', status: 'success' }, context_updates: { tests_passing: true } };
      const results = await Promise.all([mcp, other, mcp, other].map((connection) => connection.client.callTool({ name: 'advance_workflow', arguments: report }) as Promise<CallToolResult>));
      expect(results.filter((result) => result.isError !== true), JSON.stringify(results)).toHaveLength(1);
      for (const refused of results.filter((result) => result.isError === true)) {
        expect((refused._meta?.['orchestra/error'] as { code: string }).code).toMatch(/^E_GUIDED_(STEP_NOT_CURRENT|CONFLICT)$/);
      }
      const detail = await show(mcp, id);
      expect(detail.history.map((entry) => entry.step)).toEqual(['UNDERSTAND_TARGET']);
      expect(detail.instance.currentStep).toBe('ENSURE_TESTS');
    } finally {
      await other.close();
    }
  });

  it('issue 13: bad input is a tool error with its code and hint, and nothing stored changes', async () => {
    const { mcp, p } = session;
    const { instance_id: id } = await start('src/bad.ts');
    await advance(mcp, id, 'UNDERSTAND_TARGET', 'success', { tests_passing: true }, 'ENSURE_TESTS');
    const before = await show(mcp, id);

    const unknownWorkflow = await callError(mcp, 'start_workflow', { workflow_name: 'REFACTOR_WITH_TEST', context: { target: 'x' }, project: p.project });
    expect(unknownWorkflow).toMatchObject({ code: 'E_GUIDED_WORKFLOW_NOT_FOUND', hint: expect.stringContaining(workflowName) });
    expect(unknownWorkflow.text).toContain(unknownWorkflow.hint);

    for (const [tool, args] of [
      ['get_workflow_status', { instance_id: 'gw_nope' }],
      ['advance_workflow', { instance_id: 'gw_nope', report: { step_id: 'ENSURE_TESTS', status: 'success' } }],
      ['resume_workflow', { instance_id: 'gw_nope', assumed_current_step_name: 'ENSURE_TESTS' }],
      ['guided_show', { instance_id: 'gw_nope' }],
    ] as const) {
      expect(await callError(mcp, tool, args), tool).toMatchObject({ code: 'E_GUIDED_INSTANCE_NOT_FOUND', hint: expect.any(String) });
    }

    const notCurrent = await callError(mcp, 'advance_workflow', { instance_id: id, report: { step_id: 'REFACTOR_STEP', status: 'success' }, context_updates: { tests_passing: true } });
    expect(notCurrent).toMatchObject({ code: 'E_GUIDED_STEP_NOT_CURRENT', hint: expect.stringContaining('resume_workflow') });
    expect(notCurrent.message).toContain('ENSURE_TESTS');

    const wrongType = await callError(mcp, 'advance_workflow', { instance_id: id, report: { step_id: 'ENSURE_TESTS', status: 'success' }, context_updates: { tests_passing: 'yes', test_files: 'test/a.ts' } });
    expect(wrongType).toMatchObject({ code: 'E_GUIDED_CONTEXT', hint: expect.any(String) });
    expect(wrongType.text).toContain('tests_passing');
    expect(wrongType.text).toContain('test_files');

    const badStart = await callError(mcp, 'start_workflow', { workflow_name: workflowName, context: { goal: 'no target' }, project: p.project });
    expect(badStart).toMatchObject({ code: 'E_GUIDED_CONTEXT' });
    expect(badStart.text).toContain('target');

    // Arguments the tool's schema refuses (no report) are a tool error too, naming the field.
    expect(await callError(mcp, 'advance_workflow', { instance_id: id })).toMatchObject({ code: 'E_USAGE', fields: [{ field: 'report' }] });

    expect(await show(mcp, id)).toEqual(before);
    // And the instance still advances from where it was.
    await advance(mcp, id, 'ENSURE_TESTS', 'success', { tests_passing: true }, 'REFACTOR_STEP');
  });
});
