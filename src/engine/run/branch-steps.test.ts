import { describe, expect, it } from 'vitest';
import type { BranchStep } from '../../store/types.js';
import { RunContext } from '../context.js';
import type { BranchRequest } from '../handler.js';
import { groupRecordedSteps, placeBranch, recordedStep } from './branch-steps.js';
import { createProgress } from './run-progress.js';
import type { Frame } from './run-scope.js';

const frame = (checkpointSeq: number, place?: Frame['place']): Frame => ({
  progress: { ...createProgress(new RunContext()), checkpointSeq },
  stageDir: (id) => id,
  branch: undefined,
  signal: new AbortController().signal,
  degradeFull: false,
  ...(place ? { place } : {}),
});
const request = (overrides: Partial<BranchRequest> = {}): BranchRequest => ({
  parentNode: 'fan',
  startNodeId: 'a',
  stopAt: 'join',
  context: new RunContext(),
  index: 0,
  signal: new AbortController().signal,
  ...overrides,
});
const step = (branch: string, position: number, nodeId: string, checkpointSeq = 3): BranchStep => ({
  checkpointSeq,
  branch,
  step: position,
  nodeId,
  outcome: { status: 'success' },
  at: 0,
});

describe('issue 8.10: branch places', () => {
  it.each<[string, Frame, Partial<BranchRequest>, number, string]>([
    ['a top-level parallel node: the checkpoint it started after', frame(3), {}, 3, '[0,"fan",0,"a",1]'],
    ['a retried parallel node gets new keys', frame(3), { attempt: 2 }, 3, '[0,"fan",0,"a",2]'],
    ['two edges to the same node are two branches', frame(3), { index: 1 }, 3, '[0,"fan",1,"a",1]'],
    [
      'a nested branch extends its parent branch at the step it is on',
      frame(0, { checkpointSeq: 5, key: '[0,"fan",0,"a",1]', done: 2, recorded: [] }),
      { parentNode: 'inner', startNodeId: 'x' },
      5,
      '[0,"fan",0,"a",1][3,"inner",0,"x",1]',
    ],
  ])('%s', (_name, parent, overrides, checkpointSeq, key) => {
    expect(placeBranch(undefined, parent, request(overrides))).toEqual({ checkpointSeq, key, done: 0, recorded: [] });
  });

  it('replays only the steps recorded under the checkpoint the run resumed from, in order, while they match', () => {
    const key = '[0,"fan",0,"a",1]';
    const recorded = groupRecordedSteps(3, [step(key, 1, 'a'), step(key, 2, 'a2'), step('[0,"fan",1,"b",1]', 1, 'b')]);
    const place = placeBranch(recorded, frame(3), request());
    expect(recordedStep(place, 'a')?.nodeId).toBe('a');
    expect(recordedStep(place, 'a2')).toBeUndefined();
    place.done = 1;
    expect(recordedStep(place, 'a2')?.step).toBe(2);
    place.done = 2;
    expect(recordedStep(place, 'a3')).toBeUndefined();
    expect(placeBranch(recorded, frame(4), request()).recorded).toEqual([]);
  });
});
