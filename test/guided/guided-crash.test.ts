import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProcStat } from '../../src/sessions/proc-stat.js';
import { daemonProcess, eventually, isAlive, killDaemon } from '../support/agent-processes.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server/index.js';
import { advance, decides, guidedProject, modelEnv, show, workflowName, type GuidedAnswer } from '../support/guided-mcp.js';
import { callOk, connectStdio, startDaemon, type McpConnection } from '../support/mcp-clients.js';
import type { TaskProject } from '../support/task-project.js';

// kill -9 in the middle of an advance_workflow whose decision waits on a slow model (the fake model
// server holding its answer): of the daemon, which was deciding, and of the agent's `orchestra mcp`,
// which was waiting for the answer. Real processes of the built CLI, the real SQLite store. The
// step is recorded whole or not at all, and resume_workflow settles what the agent could not know.

let model: FakeModelServer;
let p: TaskProject;

beforeAll(async () => {
  model = await startFakeModelServer();
  // Far longer than the test: the decision waits on the model, not on AI_REQUEST_TIMEOUT_MS.
  p = guidedProject(modelEnv(model, 600_000));
  await startDaemon(p);
}, 60_000);

afterAll(async () => {
  await p?.cleanup();
  await model?.close();
});

type Outcome = { result: CallToolResult } | { error: Error };

/** Sends advance_workflow without waiting for it: its outcome, once the call ends one way or the other. */
function advanceInFlight(mcp: McpConnection, id: string, step: string, updates: Record<string, unknown>): Promise<Outcome> {
  const call = mcp.client.callTool({ name: 'advance_workflow', arguments: { instance_id: id, report: { step_id: step, status: 'success', result: `${step} done` }, context_updates: updates } });
  return (call as Promise<CallToolResult>).then(
    (result) => ({ result }),
    (error: unknown) => ({ error: error as Error }),
  );
}

const bodyOf = (request: { body: unknown }) => JSON.stringify(request.body);

describe('issue 13: a guided advance interrupted by kill -9', () => {
  it('issue 13: the daemon killed while the model decides: after a restart nothing of the step is stored, and resume_workflow with the same report records it once', { timeout: 120_000 }, async () => {
    const mcp = await connectStdio(p);
    try {
      const { instance_id: id } = await callOk<GuidedAnswer>(mcp, 'start_workflow', { workflow_name: workflowName, context: { target: 'src/crash.ts', goal: 'survive a crash' } });
      model.script([decides('ENSURE_TESTS', 'the target is understood')]);
      await advance(mcp, id, 'UNDERSTAND_TARGET', 'success', { test_command: 'npm test', tests_passing: true }, 'ENSURE_TESTS');
      const before = await show(mcp, id);

      const held = model.holdNext();
      const inFlight = advanceInFlight(mcp, id, 'ENSURE_TESTS', { tests_passing: true, test_files: ['test/crash.test.ts'] });
      // The daemon is deciding: the model has the report (and is slow to answer).
      expect(bodyOf(await held.arrived)).toContain('ENSURE_TESTS done');
      const killed = await killDaemon(p);
      const outcome = await inFlight;
      // The agent gets an error (E_DAEMON through its `orchestra mcp`), never an answer it could act on.
      const failed = 'error' in outcome ? outcome.error.message : JSON.stringify(outcome.result.content);
      expect('error' in outcome || outcome.result.isError === true, failed).toBe(true);
      expect(failed).toContain('E_DAEMON');
      held.release();

      await startDaemon(p);
      expect((await daemonProcess(p)).pid).not.toBe(killed.pid);
      // The same `orchestra mcp` finds the new daemon. The store holds the instance as it was before
      // the report: no history entry, no decision, the same version.
      expect(await show(mcp, id)).toEqual(before);
      expect(await callOk<GuidedAnswer>(mcp, 'get_workflow_status', { instance_id: id })).toMatchObject({ status: 'running', next_step: { name: 'ENSURE_TESTS' } });

      // The agent does not know whether its report landed: it resumes at the step it reported, with the report again.
      model.script([decides('REFACTOR_STEP', 'the behaviour is pinned by tests')]);
      const resumed = await callOk<GuidedAnswer>(mcp, 'resume_workflow', {
        instance_id: id,
        assumed_current_step_name: 'ENSURE_TESTS',
        report: { step_id: 'ENSURE_TESTS', status: 'success', result: 'ENSURE_TESTS done' },
        context_updates: { tests_passing: true, test_files: ['test/crash.test.ts'] },
      });
      expect(resumed).toMatchObject({ status: 'running', next_step: { name: 'REFACTOR_STEP' }, reason: 'the behaviour is pinned by tests' });
      const after = await show(mcp, id);
      expect(after.history.map((entry) => entry.step)).toEqual(['UNDERSTAND_TARGET', 'ENSURE_TESTS']);
      expect(after.decisions.map((decision) => [decision.kind, decision.by])).toEqual([['start', 'rules'], ['advance', 'model'], ['advance', 'model']]);
      expect(after.instance).toMatchObject({ currentStep: 'REFACTOR_STEP', version: before.instance.version + 1, context: { test_files: ['test/crash.test.ts'] } });
      expect(model.remaining).toBe(0);
    } finally {
      await mcp.close();
    }
  });

  it('issue 13: the agent\'s `orchestra mcp` killed while the model decides: the daemon records the step once, and resume_workflow with the stale view rolls back to the record, saying why', { timeout: 120_000 }, async () => {
    const observer = await connectStdio(p);
    const agent = await connectStdio(p);
    try {
      const { instance_id: id } = await callOk<GuidedAnswer>(agent, 'start_workflow', { workflow_name: workflowName, context: { target: 'src/agent.ts', goal: 'survive the agent' } });
      model.script([decides('ENSURE_TESTS', 'the target is understood')]);
      await advance(agent, id, 'UNDERSTAND_TARGET', 'success', { tests_passing: true }, 'ENSURE_TESTS');
      const before = await show(observer, id);

      const held = model.holdNext();
      const inFlight = advanceInFlight(agent, id, 'ENSURE_TESTS', { tests_passing: true });
      expect(bodyOf(await held.arrived)).toContain('ENSURE_TESTS done');
      const bridge = { pid: agent.pid!, startTime: readProcStat(agent.pid!)!.startTime };
      process.kill(bridge.pid, 'SIGKILL');
      await eventually(() => !isAlive(bridge), `orchestra mcp ${bridge.pid} to die`);
      expect(await inFlight).toHaveProperty('error');
      // Until the model answers, nothing of the report is stored.
      expect(await show(observer, id)).toEqual(before);

      model.script([decides('REFACTOR_STEP', 'tests pin the behaviour')]);
      held.release();
      // The daemon finishes the decision nobody waits for any more, and stores it whole.
      await expect.poll(async () => (await show(observer, id)).instance.currentStep, { timeout: 20_000 }).toBe('REFACTOR_STEP');
      const recorded = await show(observer, id);
      expect(recorded.history.map((entry) => entry.step)).toEqual(['UNDERSTAND_TARGET', 'ENSURE_TESTS']);
      expect(recorded.instance.version).toBe(before.instance.version + 1);
      expect(recorded.decisions.at(-1)).toMatchObject({ kind: 'advance', by: 'model', reason: 'tests pin the behaviour', output: { next_step: 'REFACTOR_STEP' } });

      // A new session of the agent believes ENSURE_TESTS is still current and sends its report again.
      const again = await connectStdio(p);
      try {
        model.script([decides('REFACTOR_STEP', 'ENSURE_TESTS was recorded before the agent lost its session: go on at REFACTOR_STEP')]);
        const resumed = await callOk<GuidedAnswer>(again, 'resume_workflow', { instance_id: id, assumed_current_step_name: 'ENSURE_TESTS', report: { step_id: 'ENSURE_TESTS', status: 'success' }, context_updates: { tests_passing: true } });
        expect(resumed).toMatchObject({ status: 'running', next_step: { name: 'REFACTOR_STEP' }, reason: 'rollback: ENSURE_TESTS was recorded before the agent lost its session: go on at REFACTOR_STEP' });
        const settled = await show(again, id);
        // The report sent twice is in the history once; the resume is a decision of its own.
        expect(settled.history.map((entry) => entry.step)).toEqual(['UNDERSTAND_TARGET', 'ENSURE_TESTS']);
        expect(settled.decisions.at(-1)).toMatchObject({ kind: 'resume', by: 'model', input: { purpose: 'resume', step: 'REFACTOR_STEP', assumed_step: 'ENSURE_TESTS' }, output: { action: 'rollback', next_step: 'REFACTOR_STEP' } });
        // And the instance goes on from the record.
        model.script([decides('FIX_TESTS', 'the refactor broke a test')]);
        await advance(again, id, 'REFACTOR_STEP', 'failure', { tests_passing: false }, 'FIX_TESTS');
        expect(model.remaining).toBe(0);
      } finally {
        await again.close();
      }
    } finally {
      await agent.close().catch(() => undefined);
      await observer.close();
    }
  });
});
