import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../types.js';
import { fromCheckpointFile, toCheckpointFile } from './checkpoint-file.js';

const checkpoint: Checkpoint = {
  v: 1,
  seq: 3,
  timestamp: 1_700_000_000_000,
  currentNode: 'review',
  nextNode: 'merge',
  completedNodes: ['start', 'plan', 'review'],
  nodeOutcomes: { plan: { status: 'success' }, review: { status: 'partial_success', preferredLabel: 'Approve', suggestedNextIds: ['merge'], notes: 'n', failureReason: 'f' } },
  nodeRetries: { review: 2 },
  context: { goal: 'g', nested: { a: [1] } },
  logs: ['one'],
  loopRestarts: 1,
};

const file = '/runs/r1/checkpoint.json';

describe('checkpoint.json', () => {
  it('decision 8: uses the spec snake_case keys, with next_node, outcomes and the format version', () => {
    expect(toCheckpointFile(checkpoint)).toMatchObject({
      v: 1,
      current_node: 'review',
      next_node: 'merge',
      completed_nodes: ['start', 'plan', 'review'],
      node_retries: { review: 2 },
      node_outcomes: { review: { status: 'partial_success', preferred_label: 'Approve', suggested_next_ids: ['merge'], failure_reason: 'f' } },
      loop_restarts: 1,
    });
  });

  it('round-trips through JSON', () => {
    const json = JSON.parse(JSON.stringify(toCheckpointFile(checkpoint))) as unknown;
    expect(fromCheckpointFile(json, file)).toEqual(checkpoint);
  });

  it.each<[string, (file: Record<string, unknown>) => unknown, string]>([
    ['no current node', ({ current_node: _, ...rest }) => rest, `${file} has an invalid "current_node" value: Invalid input: expected string, received undefined`],
    ['a bad outcome status', (f) => ({ ...f, node_outcomes: { x: { status: 'done' } } }), `${file} has an invalid "node_outcomes.x.status" value: Invalid option: expected one of "success"|"partial_success"|"retry"|"fail"|"skipped"`],
    ['seq 0', (f) => ({ ...f, seq: 0 }), `${file} has an invalid "seq" value: Too small: expected number to be >=1`],
    ['a newer format', (f) => ({ ...f, v: 2 }), `${file} has format version 2; this Orchestra reads version 1`],
    ['not an object', () => 'checkpoint', `${file} has an invalid value: Invalid input: expected object, received string`],
  ])('rejects a file with %s, naming it', (_label, change, message) => {
    const json = change(JSON.parse(JSON.stringify(toCheckpointFile(checkpoint))) as Record<string, unknown>);
    expect(() => fromCheckpointFile(json, file)).toThrow(expect.objectContaining({ code: 'E_FILE_READ', message }));
  });
});
