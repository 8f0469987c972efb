import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { Graph } from '../graph/model.js';
import { toDisplayDot } from './display-dot.js';

// Loading the WebAssembly module takes a while; every later drawing reuses it.
let graphviz: Promise<Graphviz> | undefined;

/** Draws the pipeline as SVG, nodes styled by handler kind and edges labelled with their conditions. */
export async function renderSvg(graph: Graph): Promise<string> {
  graphviz ??= Graphviz.load().catch((error: unknown) => {
    graphviz = undefined;
    throw error;
  });
  return (await graphviz).dot(toDisplayDot(graph), 'svg');
}
