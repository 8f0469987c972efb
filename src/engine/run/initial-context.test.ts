import { describe, expect, it } from 'vitest';
import { buildGraph } from '../testing/build-graph.js';
import { createInitialContext, resetForLoopRestart } from './initial-context.js';
import { createProgress, recordNodeOutcome } from './run-progress.js';

describe('createInitialContext', () => {
  it('mirrors graph attributes as graph.* and variables as vars.*', () => {
    const graph = buildGraph({ attrs: { goal: 'ship', default_max_retries: 2 } });
    expect(createInitialContext(graph, { pr: '12' }).snapshot()).toEqual({
      'graph.goal': 'ship',
      'graph.default_max_retries': 2,
      'vars.pr': '12',
      'internal.loop_restart_count': 0,
    });
  });

  it('always has graph.goal', () => {
    expect(createInitialContext(buildGraph({}), {}).get('graph.goal')).toBe('');
  });
});

describe('decision 9: resetForLoopRestart', () => {
  it('keeps graph.*, vars.* and the incremented restart count; clears the rest', () => {
    const progress = createProgress(createInitialContext(buildGraph({ attrs: { goal: 'g' } }), { v: '1' }));
    recordNodeOutcome(progress, 'a', { status: 'success', contextUpdates: { scratch: 1 } });
    progress.nodeRetries.a = 2;
    resetForLoopRestart(progress);
    resetForLoopRestart(progress);
    expect(progress.context.snapshot()).toEqual({ 'graph.goal': 'g', 'vars.v': '1', 'internal.loop_restart_count': 2 });
    expect(progress).toMatchObject({ completedNodes: [], nodeOutcomes: {}, nodeRetries: {}, loopRestarts: 2 });
  });
});

describe('recordNodeOutcome', () => {
  it('appends, keeps the latest outcome in first-visit order, sets outcome and preferred_label', () => {
    const progress = createProgress(createInitialContext(buildGraph({}), {}));
    recordNodeOutcome(progress, 'a', { status: 'fail', failureReason: 'x', preferredLabel: 'Fix' });
    recordNodeOutcome(progress, 'b', { status: 'success' });
    recordNodeOutcome(progress, 'a', { status: 'success', contextUpdates: { k: 'v' } });
    recordNodeOutcome(progress, 'c', { status: 'skipped' });
    expect(progress.completedNodes).toEqual(['a', 'b', 'a', 'c']);
    expect(Object.keys(progress.nodeOutcomes)).toEqual(['a', 'b']);
    expect(progress.nodeOutcomes.a).toEqual({ status: 'success' });
    expect(progress.context.get('k')).toBe('v');
    expect(progress.context.get('outcome')).toBe('skipped');
    expect(progress.context.get('preferred_label')).toBe('');
  });
});
