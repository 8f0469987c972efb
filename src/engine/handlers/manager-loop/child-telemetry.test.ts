import { describe, expect, it } from 'vitest';
import type { Checkpoint, RunRecord } from '../../../store/types.js';
import { childTelemetry, telemetryUpdates, type ChildSettlement, type ChildTelemetry } from './child-telemetry.js';

function run(fields: Partial<RunRecord>): RunRecord {
  return {
    id: 'child',
    pipeline: 'c',
    file: '/c.dot',
    source: '',
    goal: '',
    state: 'running',
    currentNode: undefined,
    logsRoot: '/runs/child',
    variables: {},
    options: {},
    parentRunId: 'parent',
    parentCheckpoint: undefined,
    tenant: 'default',
    startedAt: 0,
    updatedAt: 0,
    finishedAt: undefined,
    outcome: undefined,
    error: undefined,
    ...fields,
  };
}

const checkpoint = { currentNode: 'build', completedNodes: ['start', 'build'] } as Checkpoint;

describe('decision 20: childTelemetry', () => {
  it.each<[string, RunRecord | undefined, Checkpoint | undefined, ChildSettlement | undefined, ChildTelemetry]>([
    ['not yet in the store', undefined, undefined, undefined, { status: 'running', outcome: '', currentNode: '', completedCount: 0, error: '' }],
    ['running', run({ currentNode: 'test' }), checkpoint, undefined, { status: 'running', outcome: '', currentNode: 'test', completedCount: 2, error: '' }],
    ['current node from the checkpoint', run({}), checkpoint, undefined, { status: 'running', outcome: '', currentNode: 'build', completedCount: 2, error: '' }],
    ['completed with success', run({ state: 'completed', outcome: 'success', currentNode: 'done' }), checkpoint, undefined, { status: 'completed', outcome: 'success', currentNode: 'done', completedCount: 2, error: '' }],
    ['completed with fail', run({ state: 'completed', outcome: 'fail' }), undefined, undefined, { status: 'completed', outcome: 'fail', currentNode: '', completedCount: 0, error: '' }],
    ['failed', run({ state: 'failed', error: 'boom' }), undefined, undefined, { status: 'failed', outcome: 'fail', currentNode: '', completedCount: 0, error: 'boom' }],
    ['interrupted counts as failed', run({ state: 'interrupted' }), undefined, undefined, { status: 'failed', outcome: 'fail', currentNode: '', completedCount: 0, error: '' }],
    ['settled before the store says so', run({}), undefined, { status: 'success' }, { status: 'completed', outcome: 'success', currentNode: '', completedCount: 0, error: '' }],
    ['settled with an error', undefined, undefined, { status: 'fail', error: 'cannot parse' }, { status: 'failed', outcome: 'fail', currentNode: '', completedCount: 0, error: 'cannot parse' }],
  ])('%s', (_name, record, cp, settled, expected) => {
    expect(childTelemetry(record, cp, settled)).toEqual(expected);
  });
});

describe('telemetryUpdates', () => {
  it('writes the four stack.child keys', () => {
    expect(telemetryUpdates({ status: 'running', outcome: '', currentNode: 'x', completedCount: 1, error: '' })).toEqual({
      'stack.child.status': 'running',
      'stack.child.outcome': '',
      'stack.child.current_node': 'x',
      'stack.child.completed_count': 1,
    });
  });
});
