import { describe, expect, it } from 'vitest';
import { completedNodesOf } from './completed-nodes.js';

describe("issue 15: a checkpoint's completed nodes", () => {
  it.each([
    ['nothing completed', [], {}, []],
    ['each node once, first completion first', ['start', 'work', 'check', 'work'], { start: { status: 'success' }, work: { status: 'success' }, check: { status: 'fail' } }, [
      { nodeId: 'start', status: 'success' },
      { nodeId: 'work', status: 'success' },
      { nodeId: 'check', status: 'fail' },
    ]],
    ['no outcome recorded: a success', ['start'], {}, [{ nodeId: 'start', status: 'success' }]],
  ] as const)('issue 15: %s', (_, completedNodes, nodeOutcomes, expected) => {
    expect(completedNodesOf({ completedNodes: [...completedNodes], nodeOutcomes })).toEqual(expected);
  });
});
