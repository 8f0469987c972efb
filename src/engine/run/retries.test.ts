import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/events.js';
import { startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness, type HarnessOptions } from '../testing/engine-harness.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

async function run(workAttrs: string, options: HarnessOptions, graphAttrs = '') {
  await harness?.cleanup();
  harness = await createEngineHarness(options);
  const source = `digraph G { ${graphAttrs} start [shape=Mdiamond]; work [${workAttrs}]; done [shape=Msquare]; start -> work -> done }`;
  // random 0.5 makes the jitter factor exactly 1, so delays are the preset's.
  const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine({ random: () => 0.5 }));
  const result = await handle.result();
  return { result, checkpoint: await harness.store.latestCheckpoint(handle.runId), records: await harness.store.listNodeRecords(handle.runId) };
}

const retry = { status: 'retry' as const, failureReason: 'not yet' };
const ok = { status: 'success' as const };
const of = <T extends RunEvent['type']>(type: T) => harness.events.filter((event): event is Extract<RunEvent, { type: T }> => event.type === type);

describe('retries', () => {
  it('retries RETRY with the standard backoff on the injected clock', async () => {
    const { result, checkpoint } = await run('max_retries=3', { script: { work: [retry, retry, retry, ok] } });
    expect(result.state).toBe('completed');
    expect(harness.handler.calls.get('work')).toBe(4);
    expect(harness.clock.sleeps).toEqual([200, 400, 800]);
    expect(of('node.retrying').map((event) => [event.attempt, event.delayMs, event.error])).toEqual([
      [2, 200, 'not yet'],
      [3, 400, 'not yet'],
      [4, 800, 'not yet'],
    ]);
    expect(of('node.failed').map((event) => event.willRetry)).toEqual([true, true, true]);
    // SUCCESS resets the node's retry counter; the context keeps how many retries it took.
    expect(checkpoint?.nodeRetries).toEqual({});
    expect(checkpoint?.context['internal.retry_count.work']).toBe(3);
  });

  it('uses the retry_policy preset delays', async () => {
    await run('retry_policy=patient', { script: { work: [retry, retry, ok] } });
    expect(harness.clock.sleeps).toEqual([2_000, 6_000]);
  });

  it('applies jitter from the injected random', async () => {
    await harness?.cleanup();
    harness = await createEngineHarness({ script: { work: [retry, ok] } });
    const source = `digraph G { start [shape=Mdiamond]; work [max_retries=1]; done [shape=Msquare]; start -> work -> done }`;
    const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine({ random: () => 0 }));
    await handle.result();
    expect(harness.clock.sleeps).toEqual([100]);
  });

  it('records every attempt as a node record with its attempt number', async () => {
    const { records } = await run('max_retries=2', { script: { work: [retry, ok] } });
    expect(records.filter((record) => record.nodeId === 'work').map((record) => [record.attempt, record.status])).toEqual([
      [1, 'retry'],
      [2, 'success'],
    ]);
    expect(records.map((record) => record.index)).toEqual([1, 2, 3, 4]);
  });

  it('decision 2: exhausted RETRY becomes FAIL', async () => {
    const { result } = await run('max_retries=1', { script: { work: [retry] } });
    expect(harness.handler.calls.get('work')).toBe(2);
    expect(result.error?.message).toBe('Node "work" failed: max retries exceeded (2 attempts): not yet');
  });

  it('allow_partial turns exhausted RETRY into PARTIAL_SUCCESS', async () => {
    const { result, checkpoint } = await run('max_retries=1 allow_partial=true', { script: { work: [retry] } });
    expect(result.state).toBe('completed');
    expect(checkpoint?.nodeOutcomes.work).toEqual({ status: 'partial_success', notes: 'retries exhausted, partial accepted: not yet' });
  });

  it('decision 1: FAIL is not retried by default', async () => {
    const { result } = await run('', { script: { work: [{ status: 'fail', failureReason: 'nope' }, ok] } }, 'default_max_retries=3');
    expect(harness.handler.calls.get('work')).toBe(1);
    expect(result.state).toBe('failed');
    expect(harness.clock.sleeps).toEqual([]);
  });

  it('issue 9: an explicit max_retries retries FAIL (spec §11.5), each attempt a node record', async () => {
    const { result, records } = await run('max_retries=2', { script: { work: [{ status: 'fail', failureReason: 'nope' }, { status: 'fail', failureReason: 'nope' }, ok] } });
    expect(result.state).toBe('completed');
    expect(records.filter((record) => record.nodeId === 'work').map((record) => [record.attempt, record.status])).toEqual([
      [1, 'fail'],
      [2, 'fail'],
      [3, 'success'],
    ]);
  });

  it('issue 9: retry_on_fail=false on the node keeps an explicit max_retries from retrying FAIL', async () => {
    const { result } = await run('max_retries=2 retry_on_fail=false', { script: { work: [{ status: 'fail' }, ok] } });
    expect(result.state).toBe('failed');
    expect(harness.handler.calls.get('work')).toBe(1);
  });

  it('decision 1: retry_on_fail=true retries FAIL', async () => {
    const { result } = await run('max_retries=3 retry_on_fail=true', { script: { work: [{ status: 'fail' }, ok] } });
    expect(harness.handler.calls.get('work')).toBe(2);
    expect(result.state).toBe('completed');
  });

  it('decision 1: graph default_retry_on_fail applies', async () => {
    await run('', { script: { work: [{ status: 'fail' }, ok] } }, 'default_max_retries=2 default_retry_on_fail=true');
    expect(harness.handler.calls.get('work')).toBe(2);
  });

  it('decision 15: default_max_retry is an alias', async () => {
    await run('', { script: { work: [retry, retry, ok] } }, 'default_max_retry=2');
    expect(harness.handler.calls.get('work')).toBe(3);
  });

  it('retries errors marked retryable, not others', async () => {
    const transient = Object.assign(new Error('HTTP 429'), { retryable: true });
    const { result } = await run('max_retries=2', { script: { work: [transient, ok] } });
    expect(result.state).toBe('completed');
    expect(harness.handler.calls.get('work')).toBe(2);

    const second = await run('max_retries=2', { script: { work: [new Error('HTTP 401'), ok] } });
    expect(second.result.error?.message).toBe('Node "work" failed: HTTP 401');
    expect(harness.handler.calls.get('work')).toBe(1);
  });

  it('passes the attempt number to the handler', async () => {
    await run('max_retries=2', { script: { work: [retry, retry, ok] } });
    expect(harness.handler.inputs.filter((input) => input.node.id === 'work').map((input) => input.attempt)).toEqual([1, 2, 3]);
  });
});
