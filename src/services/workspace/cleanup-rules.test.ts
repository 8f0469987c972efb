import { describe, expect, it } from 'vitest';
import { decideRunCleanup, decideTaskWorktree, roughDuration, runEligibility, type BranchFacts, type RunFacts } from './cleanup-rules.js';

const DAY = 86_400_000;
const now = 100 * DAY;
const run = (extra: Partial<RunFacts>): RunFacts => ({ state: 'completed', stale: false, finishedAt: now - 10 * DAY, updatedAt: now - 10 * DAY, ...extra });
const where = { base: 'main', remote: 'origin' };
const session = (extra: Partial<BranchFacts> = {}): BranchFacts => ({ name: 'orchestra/p/r1', kind: 'session', notInBase: 2, notInBaseNorRemote: 2, ...extra });
const parallel = (extra: Partial<BranchFacts> = {}): BranchFacts => ({ name: 'orchestra/p/r1--fan-0', kind: 'parallel', notInBase: 1, notInBaseNorRemote: 1, notInSession: 0, ...extra });

describe('issue 14: which runs cleanup may touch', () => {
  it.each([
    ['a completed run older than the limit', run({}), { olderThanMs: 7 * DAY, force: false }, true],
    ['a failed run with no limit', run({ state: 'failed', finishedAt: now }), { olderThanMs: 0, force: false }, true],
    ['a completed run newer than the limit', run({ finishedAt: now - DAY }), { olderThanMs: 7 * DAY, force: false }, 'finished 1d ago, newer than --older-than 7d'],
    ['a completed run newer than the limit, forced', run({ finishedAt: now - DAY }), { olderThanMs: 7 * DAY, force: true }, 'finished 1d ago, newer than --older-than 7d'],
    ['a live running run', run({ state: 'running', finishedAt: undefined }), { olderThanMs: 0, force: false }, 'running'],
    ['a live running run, forced', run({ state: 'running', finishedAt: undefined }), { olderThanMs: 0, force: true }, 'running'],
    ['an interrupted run', run({ state: 'interrupted', finishedAt: undefined }), { olderThanMs: 0, force: false }, 'interrupted, `orchestra resume` can carry it on; use --force'],
    ['a stale running run', run({ state: 'running', stale: true, finishedAt: undefined }), { olderThanMs: 0, force: false }, 'interrupted, `orchestra resume` can carry it on; use --force'],
    ['an interrupted run, forced', run({ state: 'interrupted', finishedAt: undefined }), { olderThanMs: 0, force: true }, true],
    ['a stale running run, forced but recent', run({ state: 'running', stale: true, finishedAt: undefined, updatedAt: now - 3_600_000 }), { olderThanMs: DAY, force: true }, 'stopped 1h ago, newer than --older-than 1d'],
  ] as const)('issue 14: %s', (_, facts, flags, expected) => {
    const result = runEligibility(facts, now, flags);
    expect(result.eligible ? true : result.reason).toBe(expected);
  });
});

describe('issue 14: a run session is removed only when its work is safe elsewhere', () => {
  const eligible = { eligible: true } as const;
  it.each([
    ['merged session branch', [session({ notInBase: 0, notInBaseNorRemote: 0 })], [], false, 'remove', 'merged into main'],
    ['pushed session branch', [session({ notInBaseNorRemote: 0 })], [], false, 'remove', 'pushed to origin'],
    ['unpushed, unmerged', [session({ notInBaseNorRemote: 3 })], [], false, 'keep', 'unpushed and unmerged: 3 commits; use --force'],
    ['unpushed, unmerged, forced', [session({ notInBaseNorRemote: 3 })], [], true, 'remove', '--force: unpushed and unmerged: 3 commits'],
    ['dirty worktree', [session({ notInBaseNorRemote: 0 })], [{ path: '/w/r1/api', dirty: 1 }], false, 'keep', 'uncommitted changes: 1 file in /w/r1/api; use --force'],
    ['clean worktree', [session({ notInBaseNorRemote: 0 })], [{ path: '/w/r1/api', dirty: 0 }], false, 'remove', 'pushed to origin'],
    ['parallel branch merged into a pushed session', [session({ notInBaseNorRemote: 0 }), parallel()], [], false, 'remove', 'pushed to origin'],
    ['parallel branch merged into an unsafe session', [session(), parallel()], [], false, 'keep', 'unpushed and unmerged: 2 commits; use --force'],
    ['parallel branch never merged', [session({ notInBase: 0, notInBaseNorRemote: 0 }), parallel({ notInSession: 1 })], [], false, 'keep', 'orchestra/p/r1--fan-0 unpushed and unmerged: 1 commit; use --force'],
    ['rescue ref holding work found nowhere else', [session({ notInBaseNorRemote: 0 }), { name: 'refs/orchestra/rescue/r1/1', kind: 'rescue', notInBase: 2, notInBaseNorRemote: 2, notInSession: 2 }], [], false, 'keep', 'refs/orchestra/rescue/r1/1 unpushed and unmerged: 2 commits; use --force'],
    ['rescue ref whose work was merged', [session({ notInBaseNorRemote: 0 }), { name: 'refs/orchestra/rescue/r1/1', kind: 'rescue', notInBase: 0, notInBaseNorRemote: 0, notInSession: 1 }], [], false, 'remove', 'pushed to origin'],
    ['no session branch left, only a worktree', [], [{ path: '/w/r1/api', dirty: 0 }], false, 'remove', 'its session branch is gone'],
  ] as const)('issue 14: %s → %s', (_, branches, worktrees, force, action, reason) => {
    expect(decideRunCleanup({ eligibility: eligible, branches, worktrees, where, force })).toEqual({ action, reason });
  });

  it('issue 14: a branch checked out in a checkout of the user is kept, even with --force', () => {
    const decision = decideRunCleanup({ eligibility: eligible, branches: [session({ notInBase: 0 })], worktrees: [], checkedOutElsewhere: ['/home/me/app'], where, force: true });
    expect(decision).toEqual({ action: 'keep', reason: 'checked out in /home/me/app' });
  });

  it('issue 14: an ineligible run is kept for its own reason, even when everything is merged', () => {
    const decision = decideRunCleanup({ eligibility: { eligible: false, reason: 'running' }, branches: [session({ notInBase: 0, notInBaseNorRemote: 0 })], worktrees: [], where, force: true });
    expect(decision).toEqual({ action: 'keep', reason: 'running' });
  });
});

describe('issue 14: stale task worktrees', () => {
  it.each([
    ['a running task', 'running', 0, false, undefined],
    ['a completed (not merged) task', 'completed', 0, true, undefined],
    ['a merged task, clean', 'merged', 0, false, { action: 'remove', reason: 'its task is merged' }],
    ['a deleted task, clean', undefined, 0, false, { action: 'remove', reason: 'no task file names it' }],
    ['a deleted task, dirty', undefined, 2, false, { action: 'keep', reason: 'no task file names it, but uncommitted changes: 2 files; use --force' }],
    ['a merged task, dirty, forced', 'merged', 1, true, { action: 'remove', reason: 'its task is merged; --force: uncommitted changes: 1 file' }],
  ] as const)('issue 14: %s', (_, taskStatus, dirty, force, expected) => {
    expect(decideTaskWorktree({ taskStatus, dirty }, force)).toEqual(expected);
  });
});

describe('issue 14: ages as --older-than writes them', () => {
  it.each([
    [7 * DAY, '7d'],
    [DAY + 5 * 3_600_000, '1d'],
    [90 * 60_000, '1h'],
    [59_000, '59s'],
    [0, '0ms'],
  ])('issue 14: %d ms → %s', (ms, text) => expect(roughDuration(ms)).toBe(text));
});
