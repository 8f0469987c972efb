import { describe, expect, it } from 'vitest';
import type { Lease, RunState } from '../../store/types.js';
import { displayStateOf, isRunStale } from './run-liveness.js';

const lease = (expiresAt: number, owner = 'host:1:x'): Lease => ({ runId: 'r', owner, expiresAt });
const deadOwners = (owner: string) => owner.startsWith('dead:');

describe('displayStateOf', () => {
  it.each<[RunState, Lease | undefined, string]>([
    ['running', lease(2_000), 'running'],
    ['running', lease(1_000), 'interrupted?'],
    ['running', lease(999), 'interrupted?'],
    ['running', undefined, 'interrupted?'],
    ['running', lease(2_000, 'dead:7:x'), 'interrupted?'],
    ['completed', undefined, 'completed'],
    ['failed', lease(500), 'failed'],
    ['interrupted', undefined, 'interrupted'],
  ])('%s with lease %j at now=1000 → %s', (state, held, expected) => {
    expect(displayStateOf({ state }, held, 1_000, deadOwners)).toBe(expected);
    expect(isRunStale({ state }, held, 1_000, deadOwners)).toBe(expected === 'interrupted?');
  });

  it('uses the engine rule by default: a lease held by a dead process on this host is stale', async () => {
    const { hostname } = await import('node:os');
    // Pid 2^22 + 1 is above Linux's pid_max default, so no process has it.
    expect(isRunStale({ state: 'running' }, lease(2_000, `${hostname()}:4194305:x`), 1_000)).toBe(true);
    expect(isRunStale({ state: 'running' }, lease(2_000, `${hostname()}:${process.pid}:x`), 1_000)).toBe(false);
    expect(isRunStale({ state: 'running' }, lease(2_000, 'other-host:4194305:x'), 1_000)).toBe(false);
  });
});
