import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server/index.js';
import { advance, decides, guidedProject, modelEnv, show, workflowName, type GuidedAnswer } from '../support/guided-mcp.js';
import { callOk, connectHttp, connectStdio, createToken, startDaemon, type McpConnection } from '../support/mcp-clients.js';
import type { TaskProject } from '../support/task-project.js';

// The official MCP client drives the shipped REFACTOR_WITH_TESTS workflow through a real daemon
// (over Streamable HTTP at /mcp) whose orchestrator asks a model: the fake model server, reached
// through seed 004's AI_SERVICE_ENDPOINT in the daemon's environment. The daemon is stopped and
// started again in the middle; the instance lives in its SQLite store and the agent resumes it.

let model: FakeModelServer;
let p: TaskProject;
let token = '';

beforeAll(async () => {
  model = await startFakeModelServer();
  p = guidedProject(modelEnv(model));
  await startDaemon(p);
  token = await createToken(p, 'guided-agent', 'write');
}, 60_000);

afterAll(async () => {
  await p?.cleanup();
  await model?.close();
});

async function connect(): Promise<McpConnection> {
  const daemon = await p.bin(['daemon', 'status', '--json']);
  expect(daemon.code, daemon.stderr).toBe(0);
  return connectHttp((JSON.parse(daemon.stdout) as { url: string }).url, token);
}

describe('issue 13: guided workflows over MCP with a model deciding (the fake model server)', () => {
  it('issue 13: REFACTOR_WITH_TESTS from start_workflow to completed: a failure routed back by the model, a missing step falling back to the rules, a daemon restart and a reconciled resume', { timeout: 120_000 }, async () => {
    let mcp = await connect();
    try {
      const { workflows } = await callOk<{ workflows: Array<{ name: string; valid: boolean; first_step?: string }> }>(mcp, 'list_workflows', { project: p.project });
      expect(workflows).toContainEqual(expect.objectContaining({ name: workflowName, valid: true, first_step: 'UNDERSTAND_TARGET' }));

      const started = await callOk<GuidedAnswer>(mcp, 'start_workflow', { workflow_name: workflowName, context: { target: 'src/invoice.ts', goal: 'split parsing from validation' }, project: p.project });
      expect(started).toMatchObject({ status: 'running', next_step: { name: 'UNDERSTAND_TARGET', instructions: expect.stringContaining('You are refactoring `src/invoice.ts`. Goal: split parsing from validation') } });
      const id = started.instance_id;
      expect(model.requests).toHaveLength(0);

      model.script([
        decides('ENSURE_TESTS', 'the target and its tests are known'),
        // Not a step of the workflow: the rules decide instead (tests pass: REFACTOR_STEP).
        decides('DEPLOY', 'ship it'),
        // The rules would say FIX_TESTS; the model sends the agent back to pin the behaviour first.
        decides('ENSURE_TESTS', 'the failing test shows behaviour no test pinned: characterise it first'),
      ]);
      await advance(mcp, id, 'UNDERSTAND_TARGET', 'success', { test_command: 'npm test -- invoice', test_files: ['test/invoice.test.ts'], tests_passing: true }, 'ENSURE_TESTS');
      const fellBack = await advance(mcp, id, 'ENSURE_TESTS', 'success', { tests_passing: true }, 'REFACTOR_STEP');
      expect(fellBack.fallback).toBe(`the model named step "DEPLOY", which workflow ${workflowName} does not have`);
      const routedBack = await advance(mcp, id, 'REFACTOR_STEP', 'failure', { tests_passing: false, changes: ['extract parseLine'] }, 'ENSURE_TESTS');
      expect(routedBack).toMatchObject({ status: 'running', reason: 'the failing test shows behaviour no test pinned: characterise it first' });
      expect(routedBack.fallback).toBeUndefined();
      expect(routedBack.next_step?.instructions).toContain('Known test files: ');

      const beforeRestart = await show(mcp, id);
      expect(beforeRestart.decisions.map((decision) => [decision.kind, decision.by, decision.fallback !== undefined])).toEqual([
        ['start', 'rules', false],
        ['advance', 'model', false],
        ['advance', 'rules', true],
        ['advance', 'model', false],
      ]);
      expect(beforeRestart.decisions[2]).toMatchObject({ fallback: expect.stringContaining('DEPLOY'), output: { next_step: 'REFACTOR_STEP', model_answer: { next_step: 'DEPLOY', reason: 'ship it' } }, input: { asked: 'AI_SERVICE_ENDPOINT/gpt-fake' } });
      // The model was sent the step's guidance, the report and the context.
      const sent = JSON.stringify(model.requests.at(-1)?.body);
      for (const part of ['One small, behaviour-preserving change per visit', 'REFACTOR_STEP: failure', 'src/invoice.ts']) expect(sent).toContain(part);

      // The daemon goes away in the middle of the workflow and comes back (a new port). An agent's
      // `orchestra mcp` (stdio) stays up through it; an HTTP client connects again.
      const agentStdio = await connectStdio(p);
      try {
        expect(await callOk<GuidedAnswer>(agentStdio, 'get_workflow_status', { instance_id: id })).toMatchObject({ next_step: { name: 'ENSURE_TESTS' } });
        await mcp.close();
        const stopped = await p.bin(['daemon', 'stop']);
        expect(stopped.code, stopped.stderr).toBe(0);
        await startDaemon(p);
        mcp = await connect();
        expect(await show(mcp, id)).toEqual(beforeRestart);
        expect(await callOk<GuidedAnswer>(agentStdio, 'get_workflow_status', { instance_id: id })).toMatchObject({ status: 'running', next_step: { name: 'ENSURE_TESTS' } });
      } finally {
        await agentStdio.close();
      }

      // The agent lost track and believes it is still in REFACTOR_STEP; the model keeps the record.
      model.script([decides('ENSURE_TESTS', 'REFACTOR_STEP failed and the record sent the agent back to ENSURE_TESTS: stay there')]);
      const resumed = await callOk<GuidedAnswer>(mcp, 'resume_workflow', { instance_id: id, assumed_current_step_name: 'REFACTOR_STEP' });
      expect(resumed).toMatchObject({ status: 'running', next_step: { name: 'ENSURE_TESTS' }, reason: 'rollback: REFACTOR_STEP failed and the record sent the agent back to ENSURE_TESTS: stay there' });
      expect((await show(mcp, id)).decisions.at(-1)).toMatchObject({ kind: 'resume', by: 'model', input: { purpose: 'resume', step: 'ENSURE_TESTS', assumed_step: 'REFACTOR_STEP' }, output: { action: 'rollback' } });

      model.script([
        decides('REFACTOR_STEP', 'tests pin the behaviour now'),
        decides('REVIEW_DIFF', 'the goal is reached'),
        decides('FINISH', 'the review is clean'),
        decides('END', 'committed and summarised'),
      ]);
      await advance(mcp, id, 'ENSURE_TESTS', 'success', { tests_passing: true, test_files: ['test/invoice.test.ts', 'test/invoice-parse.test.ts'] }, 'REFACTOR_STEP');
      await advance(mcp, id, 'REFACTOR_STEP', 'success', { tests_passing: true, refactor_complete: true, changes: ['extract parseLine', 'move validation'] }, 'REVIEW_DIFF');
      await advance(mcp, id, 'REVIEW_DIFF', 'success', { tests_passing: true }, 'FINISH');
      const finished = await advance(mcp, id, 'FINISH', 'success', { summary: 'parsing and validation split in two modules' }, null);
      expect(finished).toMatchObject({ instance_id: id, status: 'completed', reason: 'committed and summarised' });
      expect(await callOk<GuidedAnswer>(mcp, 'get_workflow_status', { instance_id: id })).toMatchObject({ status: 'completed', next_step: null });
      expect(model.remaining).toBe(0);
      expect(model.requests).toHaveLength(8);

      const done = await show(mcp, id);
      expect(done.instance).toMatchObject({ status: 'completed', context: { target: 'src/invoice.ts', tests_passing: true, refactor_complete: true, summary: 'parsing and validation split in two modules' } });
      expect(done.history.map((entry) => `${entry.step} ${String(entry.report.status)}`)).toEqual([
        'UNDERSTAND_TARGET success',
        'ENSURE_TESTS success',
        'REFACTOR_STEP failure',
        'ENSURE_TESTS success',
        'REFACTOR_STEP success',
        'REVIEW_DIFF success',
        'FINISH success',
      ]);
      expect(done.decisions.filter((decision) => decision.fallback !== undefined)).toHaveLength(1);
    } finally {
      await mcp.close();
    }
  });
});
