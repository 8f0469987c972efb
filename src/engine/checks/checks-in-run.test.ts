import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentBackend, AgentRequest } from '../../agents/backend.js';
import { createSimulationBackend } from '../../agents/simulation/index.js';
import { createAutoApproveInterviewer } from '../../humans/interviewers/index.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { Store } from '../../store/store.js';
import { createDefaultRegistry } from '../handlers/registry/index.js';
import { startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness } from '../testing/engine-harness.js';

let harness: EngineHarness | undefined;
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  await harness?.cleanup();
  store = harness = undefined;
});

const pipeline = (retries: number) => `digraph Build {
  start [shape=Mdiamond]
  impl [prompt="Create done.txt", max_retries=${retries}, check.command="test -f done.txt"]
  exit [shape=Msquare]
  start -> impl -> exit
}`;

/** A scripted agent that does the work only from the `fixOn`-th attempt on. */
function agentFixingOn(fixOn: number, requests: AgentRequest[]): AgentBackend {
  return {
    name: 'scripted',
    async run(request) {
      requests.push(request);
      if (request.attempt >= fixOn) await writeFile(join(harness!.runsDir, 'done.txt'), 'ok\n');
      return `attempt ${request.attempt} done`;
    },
  };
}

async function runPipeline(retries: number, backend: AgentBackend) {
  harness = await createEngineHarness();
  store = await openSqliteStore(join(harness.runsDir, 'orchestra.db'));
  const engine = harness.engine({ store, registry: createDefaultRegistry(), backend, interviewer: createAutoApproveInterviewer() });
  const handle = await startRun({ file: pipelineFile(harness), source: pipeline(retries) }, engine);
  return { handle, result: await handle.result() };
}

describe('checks in a real run', () => {
  it('retries a node whose command check fails, feeding the failure back, until the agent fixes it', async () => {
    const requests: AgentRequest[] = [];
    const { handle, result } = await runPipeline(2, agentFixingOn(2, requests));
    expect(result).toMatchObject({ state: 'completed', outcome: 'success' });
    expect(requests.map((request) => request.attempt)).toEqual([1, 2]);
    expect(requests[0]!.prompt).toBe('Create done.txt');
    expect(requests[1]!.prompt).toBe(
      'Create done.txt\n\nPrevious attempt failed these checks:\n\n- command: test -f done.txt: exit 1\n\nFix these problems; the checks run again after you finish.\n',
    );
    const stage = join(handle.logsRoot, 'impl');
    expect(await readFile(join(stage, 'prompt.md'), 'utf8')).toBe(requests[1]!.prompt);
    expect(existsSync(join(stage, 'feedback.md'))).toBe(false);
    expect(JSON.parse(await readFile(join(stage, 'checks.json'), 'utf8'))).toMatchObject({ attempt: 2, passed: true });
    expect(JSON.parse(await readFile(join(stage, 'status.json'), 'utf8'))).toMatchObject({ outcome: 'success', context_updates: { 'checks.passed': true, 'checks.failed': [] } });
    const events = harness!.events.filter((event) => event.type === 'log' || event.type === 'node.retrying').map((event) => (event.type === 'log' ? event.message : event.type));
    expect(events).toEqual(['Check failed: command: test -f done.txt (exit 1)', 'node.retrying', 'Check passed: command: test -f done.txt (exit 0)']);
    expect((await store!.latestCheckpoint(handle.runId))?.context).toMatchObject({ 'checks.passed': true, 'checks.failed': [], last_response: 'attempt 2 done' });
  });

  it('decision 2: fails the node naming the failing check once the retries are spent', async () => {
    const requests: AgentRequest[] = [];
    const { handle, result } = await runPipeline(1, agentFixingOn(99, requests));
    expect(result.state).toBe('failed');
    expect(result.error?.message).toContain('Node "impl" failed: max retries exceeded (2 attempts): Checks failed: command: test -f done.txt (exit 1)');
    expect(requests).toHaveLength(2);
    const stage = join(handle.logsRoot, 'impl');
    expect(await readFile(join(stage, 'feedback.md'), 'utf8')).toContain('- command: test -f done.txt: exit 1');
    expect(JSON.parse(await readFile(join(stage, 'status.json'), 'utf8'))).toMatchObject({ outcome: 'fail', context_updates: { 'checks.passed': false, 'checks.failed': ['command: test -f done.txt'] } });
  });

  it('decision 18: the checks overrule a status.json in which the agent claimed success', async () => {
    const backend: AgentBackend = {
      name: 'boastful',
      async run(request) {
        await writeFile(join(request.stageDir, 'status.json'), '{"outcome": "success"}');
        return 'all done, trust me';
      },
    };
    const { handle, result } = await runPipeline(0, backend);
    expect(result.error?.message).toContain('Checks failed: command: test -f done.txt (exit 1)');
    expect(await readFile(join(handle.logsRoot, 'impl', 'agent-status.json'), 'utf8')).toBe('{"outcome": "success"}');
  });

  it('runs no checks when the agent did not succeed', async () => {
    const { handle, result } = await runPipeline(0, createSimulationBackend({ responses: { impl: { outcome: { status: 'fail', failureReason: 'gave up' } } } }));
    expect(result.error?.message).toContain('gave up');
    expect(existsSync(join(handle.logsRoot, 'impl', 'checks.json'))).toBe(false);
  });
});
