import type { Graph } from '../graph/model.js';

/**
 * A graph-to-graph step between parsing and validation (digest §17). `apply` never mutates its
 * input: it returns a new graph, or the same one when nothing changed.
 */
export interface Transform {
  name: string;
  apply(graph: Graph): Graph;
}

/** Runs transforms in order, each on the previous one's result. */
export function applyTransforms(graph: Graph, transforms: readonly Transform[]): Graph {
  return transforms.reduce((current, transform) => transform.apply(current), graph);
}
