import { describe, expect, it } from 'vitest';
import { applyRunPatch, compareRunsNewestFirst, createRunRecord, presentPatchKeys } from './run-record.js';
import type { RunPatch, RunRecord } from './types.js';

const base: RunRecord = createRunRecord({
  id: 'r1',
  pipeline: 'p',
  file: '/p.dot',
  source: 'digraph p {}',
  goal: 'g',
  logsRoot: '/runs/r1',
  variables: { a: '1' },
  options: { simulate: true },
  startedAt: 100,
});

describe('run records', () => {
  it('a new run is running, at no node, updated when it started', () => {
    expect(base).toMatchObject({ state: 'running', currentNode: undefined, updatedAt: 100, finishedAt: undefined, parentRunId: undefined });
  });

  it.each<[RunPatch, string[]]>([
    [{}, []],
    [{ state: 'completed', updatedAt: 5 }, ['state', 'updatedAt']],
    [{ error: undefined, finishedAt: undefined }, ['finishedAt', 'error']],
    [{ state: undefined, updatedAt: undefined }, []],
    [{ currentNode: 'x', outcome: 'fail' }, ['currentNode', 'outcome']],
  ])('patch %j sets %j', (patch, keys) => {
    expect(presentPatchKeys(patch)).toEqual(keys);
  });

  it('applies a patch without changing the original record', () => {
    const failed = applyRunPatch(base, { state: 'failed', error: 'boom', finishedAt: 9 });
    const resumed = applyRunPatch(failed, { state: 'running', error: undefined, finishedAt: undefined });
    expect(failed).toMatchObject({ state: 'failed', error: 'boom', finishedAt: 9 });
    expect(resumed).toMatchObject({ state: 'running', error: undefined, finishedAt: undefined, goal: 'g' });
    expect(base.state).toBe('running');
  });

  it.each([
    [{ startedAt: 2, id: 'a' }, { startedAt: 1, id: 'b' }, -1],
    [{ startedAt: 1, id: 'a' }, { startedAt: 2, id: 'b' }, 1],
    [{ startedAt: 1, id: 'b' }, { startedAt: 1, id: 'a' }, -1],
    [{ startedAt: 1, id: 'a' }, { startedAt: 1, id: 'a' }, 0],
  ])('orders %j before/after %j: %i', (a, b, sign) => {
    expect(Math.sign(compareRunsNewestFirst({ ...base, ...a }, { ...base, ...b }))).toBe(sign);
  });
});
