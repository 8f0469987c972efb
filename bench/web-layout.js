// Layout of one graph by ELK (with the options the run page used: web/src/graph/layout-options.ts,
// read from the page's User Timing measure) and by Graphviz's dot (@hpcc-js/wasm-graphviz), both in
// this process: the layout work alone.
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import ELK from 'elkjs/lib/elk.bundled.js';
import { parseDot } from '../dist/index.js';

const nodeWidth = (label) => Math.min(320, Math.max(120, 24 + label.length * 8));

/** `{ elk, graphviz }`: the median ms of `runs` layouts of `dot` by each (ELK with `options`), after a warm-up. */
export async function timeLayouts(dot, options, runs = 5) {
  const graph = parseDot(dot, 'big.dot');
  const nodes = [...graph.nodes.values()].map((node) => ({ id: node.id, label: node.attrs.label?.value.value ?? node.id }));
  const edges = graph.edges.map((edge, index) => ({ id: `e${index}`, sources: [edge.from], targets: [edge.to] }));
  const elk = new ELK();
  const elkOnce = () =>
    elk.layout({
      id: 'root',
      layoutOptions: options,
      children: nodes.map((node) => ({ id: node.id, width: nodeWidth(node.label), height: 44 })),
      edges,
    });
  const graphviz = await Graphviz.load();
  // The same nodes and edges with the same sizes (inches at 72 dpi), laid out and positioned by dot.
  const plain = [
    'digraph G {',
    '  nodesep=0.44; ranksep=1.33; node [shape=box, fixedsize=true, height=0.61];',
    ...nodes.map((node) => `  "${node.id}" [width=${(nodeWidth(node.label) / 72).toFixed(2)}];`),
    ...graph.edges.map((edge) => `  "${edge.from}" -> "${edge.to}";`),
    '}',
  ].join('\n');
  const graphvizOnce = async () => graphviz.layout(plain, 'json', 'dot');
  const time = async (once) => {
    await once();
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const laid = await once();
      samples.push(performance.now() - started);
      if (!laid) throw new Error('no layout');
    }
    return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
  };
  return { nodes: nodes.length, edges: edges.length, elk: await time(elkOnce), graphviz: await time(graphvizOnce) };
}
