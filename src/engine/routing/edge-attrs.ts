import type { GraphEdge } from '../../pipeline/graph/model.js';
import { ownerOf, readBool, readInt, readString } from '../../pipeline/graph/attr-read.js';

/** The routing-relevant attributes of an edge, read once with their defaults (digest §3.3). */
export function edgeCondition(edge: GraphEdge): string {
  return (readString(edge.attrs, 'condition', ownerOf(edge)) ?? '').trim();
}

export function edgeWeight(edge: GraphEdge): number {
  return readInt(edge.attrs, 'weight', ownerOf(edge)) ?? 0;
}

export function edgeLabel(edge: GraphEdge): string {
  return readString(edge.attrs, 'label') ?? '';
}

export function isLoopRestart(edge: GraphEdge): boolean {
  return readBool(edge.attrs, 'loop_restart', ownerOf(edge)) ?? false;
}
