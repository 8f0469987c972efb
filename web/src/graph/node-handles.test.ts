import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { handlesOf } from './node-handles';

describe("issue 15: a node's handles before React Flow measures it", () => {
  it.each([
    ['TB', Position.Top, { x: 60, y: 0 }, Position.Bottom, { x: 60, y: 44 }],
    ['BT', Position.Bottom, { x: 60, y: 44 }, Position.Top, { x: 60, y: 0 }],
    ['LR', Position.Left, { x: 0, y: 22 }, Position.Right, { x: 120, y: 22 }],
    ['RL', Position.Right, { x: 120, y: 22 }, Position.Left, { x: 0, y: 22 }],
  ] as const)('issue 15: rankdir %s: edges come in at the %s middle and leave from the %s middle', (rankdir, targetSide, target, sourceSide, source) => {
    expect(handlesOf(rankdir, 120, 44)).toEqual([
      { type: 'target', position: targetSide, ...target, width: 0, height: 0 },
      { type: 'source', position: sourceSide, ...source, width: 0, height: 0 },
    ]);
  });
});
