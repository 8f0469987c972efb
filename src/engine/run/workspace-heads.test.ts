import { describe, expect, it } from 'vitest';
import { RunContext } from '../context.js';
import { createProgress } from './run-progress.js';
import { resetForLoopRestart } from './initial-context.js';
import { setWorkspaceHeads, workspaceHeadsOf } from './workspace-heads.js';

describe('issue 14: workspace heads in the checkpoint context', () => {
  it.each([
    [{}, undefined],
    [{ 'internal.workspace.app': 'abc', other: 1 }, { app: 'abc' }],
    [{ 'internal.workspace.app': '', 'internal.workspace.lib': 'def' }, { lib: 'def' }],
    [{ 'internal.workspace.app': 42 }, undefined],
  ])('%j → %j', (context, expected) => {
    expect(workspaceHeadsOf(context)).toEqual(expected);
  });

  it('writes the heads and keeps them over a loop restart', () => {
    const progress = createProgress(new RunContext({ 'graph.goal': 'g', scratch: 1 }));
    setWorkspaceHeads(progress.context, { app: 'a1', lib: 'b2' });
    resetForLoopRestart(progress);
    expect(workspaceHeadsOf(progress.context.snapshot())).toEqual({ app: 'a1', lib: 'b2' });
    expect(progress.context.has('scratch')).toBe(false);
  });
});
