import { expect } from 'vitest';
import type { Store } from '../store.js';
import type { Checkpoint, EventInput, NewRun } from '../types.js';

/* Builders shared by the conformance suites (a .case file, so it stays out of the build). */

/** Gives each test a fresh store; `store()` is valid inside a test. */
export interface StoreFixture {
  store(): Store;
}

export const t0 = 1_700_000_000_000;

export function newRun(id: string, overrides: Partial<NewRun> = {}): NewRun {
  return {
    id,
    pipeline: 'review',
    file: '/work/pipelines/review.dot',
    source: 'digraph review { start [shape=Mdiamond]; done [shape=Msquare]; start -> done }',
    goal: 'Review the pull request',
    logsRoot: `/work/.orchestra/runs/${id}`,
    variables: { pr_number: '123' },
    options: { simulate: true, nested: { autoApprove: ['gate'] } },
    startedAt: t0,
    ...overrides,
  };
}

export function checkpoint(seq: number, overrides: Partial<Checkpoint> = {}): Checkpoint {
  return {
    v: 1,
    seq,
    timestamp: t0 + seq * 1_000,
    currentNode: `node${seq}`,
    nextNode: `node${seq + 1}`,
    completedNodes: Array.from({ length: seq }, (_, i) => `node${i + 1}`),
    nodeOutcomes: { [`node${seq}`]: { status: 'success', preferredLabel: 'Approve', suggestedNextIds: ['a', 'b'], notes: 'ok' } },
    nodeRetries: { [`node${seq}`]: 1 },
    context: { goal: 'Review', 'graph.name': 'review', nested: { list: [1, 'two', { three: true }], empty: null } },
    logs: [`node${seq} done`],
    loopRestarts: 0,
    ...overrides,
  };
}

export function logEvent(message: string, at = t0): EventInput {
  return { type: 'log', level: 'info', message, at };
}

export function nodeStarted(node: string, index: number, at = t0): EventInput {
  return { type: 'node.started', node, index, handler: 'codergen', attempt: 1, at };
}

/** Asserts the exact code and message of an expected OrchestraError. */
export async function expectStoreError(promise: Promise<unknown>, code: string, message: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: 'OrchestraError', code, message });
}
