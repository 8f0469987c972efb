import { Position, type NodeHandle } from '@xyflow/react';
import type { Rankdir } from '../runs/types';

/*
 * Where a node's edges end, known before React Flow measures anything: ELK gave every node its
 * size, so the page hands React Flow each node's size and handles (its server-side-rendering
 * path). It then shows the nodes and draws the edges in its first render, instead of rendering
 * the nodes hidden, measuring each, and rendering everything again (on a 500-node graph, most of a second).
 */

/** The target's side and the source's side of a node, by the graph's direction. */
export const handleSides: Readonly<Record<Rankdir, readonly [Position, Position]>> = {
  TB: [Position.Top, Position.Bottom],
  LR: [Position.Left, Position.Right],
  BT: [Position.Bottom, Position.Top],
  RL: [Position.Right, Position.Left],
};

/** The point at the middle of a `width` × `height` node's `side`, relative to its top-left corner. */
function middleOf(side: Position, width: number, height: number): { x: number; y: number } {
  switch (side) {
    case Position.Top:
      return { x: width / 2, y: 0 };
    case Position.Bottom:
      return { x: width / 2, y: height };
    case Position.Left:
      return { x: 0, y: height / 2 };
    case Position.Right:
      return { x: width, y: height / 2 };
  }
}

/** The node's target and source handles (points: React Flow ends an edge at a handle's side, and a 0×0 handle's side is the point). */
export function handlesOf(rankdir: Rankdir, width: number, height: number): NodeHandle[] {
  const [target, source] = handleSides[rankdir];
  return [
    { type: 'target', position: target, ...middleOf(target, width, height), width: 0, height: 0 },
    { type: 'source', position: source, ...middleOf(source, width, height), width: 0, height: 0 },
  ];
}
