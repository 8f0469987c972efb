import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock.js';
import { startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness } from '../testing/engine-harness.js';
import type { ScriptStep } from '../testing/scripted-handler.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

const aborts: unknown[] = [];
const waitForAbort: ScriptStep = (input) =>
  new Promise((resolve) => {
    input.signal.addEventListener('abort', () => {
      aborts.push(input.signal.reason);
      resolve({ status: 'success', notes: 'too late' });
    });
  });

async function run(workAttrs: string, steps: ScriptStep[]) {
  harness = await createEngineHarness({ script: { work: steps } });
  const source = `digraph G { start [shape=Mdiamond]; work [${workAttrs}]; done [shape=Msquare]; start -> work -> done }`;
  const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine({ clock: systemClock }));
  return handle.result();
}

describe('decision 19: node timeout', () => {
  it('aborts the handler signal and fails the node with "timed out after X"', async () => {
    aborts.length = 0;
    const result = await run('timeout="100ms"', [waitForAbort]);
    expect(result).toMatchObject({ state: 'failed', error: { message: 'Node "work" failed: timed out after 100ms', node: 'work' } });
    expect(aborts).toHaveLength(1);
  });

  it('issue 9: a timeout names what the agent was last doing', async () => {
    const busy: ScriptStep = async (input) => {
      await input.services.emit({ type: 'agent.activity', node: 'work', activity: 'api_retry 6/10' });
      return waitForAbort(input);
    };
    const result = await run('timeout="100ms"', [busy]);
    expect(result).toMatchObject({ state: 'failed', error: { message: 'Node "work" failed: timed out after 100ms (the agent\'s last activity: api_retry 6/10)' } });
    expect(harness.events.some((event) => event.type === 'agent.activity')).toBe(true);
  });

  it('is not retried when the node turns retries of FAIL off', async () => {
    await run('timeout="50ms" max_retries=2 retry_on_fail=false', [waitForAbort]);
    expect(harness.handler.calls.get('work')).toBe(1);
  });

  it('issue 9: counts as FAIL, so an explicit max_retries retries it', async () => {
    const result = await run('timeout="50ms" max_retries=1', [waitForAbort, { status: 'success' }]);
    expect(harness.handler.calls.get('work')).toBe(2);
    expect(result.state).toBe('completed');
  });

  it('is retried with retry_on_fail', async () => {
    const result = await run('timeout="50ms" max_retries=2 retry_on_fail=true', [waitForAbort, waitForAbort, { status: 'success' }]);
    expect(harness.handler.calls.get('work')).toBe(3);
    expect(result.state).toBe('completed');
  });

  it('a handler that finishes in time is unaffected, and its timer does not hold the run', async () => {
    const started = performance.now();
    const result = await run('timeout="30s"', [{ status: 'success' }]);
    expect(result.state).toBe('completed');
    expect(performance.now() - started).toBeLessThan(25_000);
  });
});
