import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentBackend } from '../../agents/backend.js';
import { createSimulationBackend, type SimulationBackend } from '../../agents/simulation/index.js';
import { backendAgents } from '../agents/backend-agents.js';
import { workflow } from '../definition.js';
import { agent } from './agent.js';
import { fireWorkflowTimer } from './control.js';
import type { WorkflowDeps } from './deps.js';
import { runInstance } from './run-instance.js';
import { sleep } from './sleep.js';
import { startWorkflow } from './start-workflow.js';
import { step } from './step.js';
import type { StepError } from './step-error.js';
import { openHarness, type Harness } from './testing/harness.js';

let h: Harness;
let stageRoot: string;
let sim: SimulationBackend;
beforeEach(async () => {
  h = await openHarness();
  stageRoot = await mkdtemp(join(tmpdir(), 'orchestra-wf-agents-'));
  sim = createSimulationBackend({ responses: { triage: { outcome: { status: 'success', contextUpdates: { confidence: 0.9 } }, response: 'It is a billing question.' } } });
});
afterEach(async () => {
  await h.close();
  await rm(stageRoot, { recursive: true, force: true });
});

function deps(backend: AgentBackend = sim, owner?: string): WorkflowDeps {
  return { ...h.deps(owner), agents: backendAgents(backend, { stageRoot }) };
}

async function wakeFromSleep(id: string): Promise<void> {
  h.clock.advance(86_400_000);
  for (const timer of await h.store.claimDueTimers('sweeper', h.clock.now(), 30_000, 10)) if (timer.subjectId === id) await fireWorkflowTimer(h.deps(), timer, 'sweeper');
}

const triage = workflow('triage', async (ctx, input: { question: string }) => {
  const answer = await agent(ctx, { name: 'triage', prompt: `Classify: ${input.question}`, backend: 'simulation', model: 'small' });
  await sleep(ctx, '1h');
  return { text: answer.text, confidence: answer.data['confidence'] ?? null };
});

describe('agent()', () => {
  it('issue 11: the call goes through the backend once and is journaled; the replay after a wait answers from the journal', async () => {
    await startWorkflow(deps(), triage, { question: 'Why was I charged twice?' }, { id: 'a1' });
    expect(await runInstance(deps(), triage, 'a1')).toMatchObject({ status: 'waiting' });
    expect(sim.requests).toHaveLength(1);
    const request = sim.requests[0]!;
    expect(request.prompt).toBe('Classify: Why was I charged twice?');
    expect(request.node.id).toBe('triage');
    expect(request.node.attrs['backend']?.value).toEqual({ kind: 'string', value: 'simulation' });
    expect(request.node.attrs['llm_model']?.value).toEqual({ kind: 'string', value: 'small' });
    expect((await h.store.readJournal(h.scope, 'a1'))[0]).toMatchObject({ kind: 'agent', name: 'triage', result: { status: 'success', text: 'It is a billing question.', data: { confidence: 0.9 } } });

    await wakeFromSleep('a1');
    expect(await runInstance(deps(sim, 'worker-2'), triage, 'a1')).toMatchObject({ status: 'completed', instance: { result: { text: 'It is a billing question.', confidence: 0.9 } } });
    expect(sim.requests).toHaveLength(1);
  });

  it('issue 11: an agent() replaced by a step() while the instance waits is E_WORKFLOW_NONDETERMINISM', async () => {
    const changed = workflow('triage', async (ctx) => {
      await step(ctx, 'triage', () => ({ text: 'stub' }));
      await sleep(ctx, '1h');
      return null;
    });
    await startWorkflow(deps(), triage, { question: 'q' }, { id: 'a2' });
    expect(await runInstance(deps(), triage, 'a2')).toMatchObject({ status: 'waiting' });
    await wakeFromSleep('a2');
    expect(await runInstance(deps(), changed, 'a2')).toMatchObject({
      status: 'failed',
      instance: { error: { code: 'E_WORKFLOW_NONDETERMINISM', message: 'workflow "triage" no longer matches its journal at position 0: the code calls step "triage" where the journal has agent "triage"' } },
    });
  });

  it('issue 11: a backend that throws is retried, then journaled: agent() throws the same StepError on every replay, without calling again', async () => {
    let calls = 0;
    const broken: AgentBackend = { name: 'broken', createsStageDir: true, run: () => Promise.reject(Object.assign(new Error(`model unreachable (call ${++calls})`), { code: 'E_NETWORK' })) };
    const seen: string[] = [];
    const careful = workflow('careful', async (ctx) => {
      try {
        await agent(ctx, { prompt: 'hi', retry: { maxAttempts: 2, backoff: { initialDelayMs: 10, factor: 1, maxDelayMs: 10, jitter: false } } });
      } catch (error) {
        seen.push(`${(error as StepError).step}: ${(error as StepError).code}: ${(error as Error).message}`);
      }
      await sleep(ctx, '1h');
      return 'done';
    });
    await startWorkflow(deps(broken), careful, null, { id: 'a3' });
    expect(await runInstance(deps(broken), careful, 'a3')).toMatchObject({ status: 'waiting' });
    await wakeFromSleep('a3');
    expect(await runInstance(deps(broken), careful, 'a3')).toMatchObject({ status: 'completed', instance: { result: 'done' } });
    expect(calls).toBe(2);
    expect(seen).toEqual(['agent: E_NETWORK: model unreachable (call 2)', 'agent: E_NETWORK: model unreachable (call 2)']);
  });

  it('issue 11: a worker without the agents port fails the instance with a clear error and journals nothing', async () => {
    await startWorkflow(h.deps(), triage, { question: 'q' }, { id: 'a4' });
    expect(await runInstance(h.deps(), triage, 'a4')).toMatchObject({
      status: 'failed',
      instance: { error: { code: 'E_INTERNAL', message: 'workflow "triage" calls agent() but this worker has no agents port' } },
    });
    expect(await h.store.readJournal(h.scope, 'a4')).toEqual([]);
  });
});
