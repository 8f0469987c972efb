import { describe, expect, it } from 'vitest';
import { parseDot } from '../dot/parse.js';
import { NODE_STYLES } from './node-style.js';
import { renderSvg } from './svg.js';

const allKinds = `digraph Kinds {
  start [shape=Mdiamond]
  exit [shape=Msquare]
  plan [label="Plan the work"]
  ask [shape=hexagon, label="Approve?"]
  route [shape=diamond]
  fork [shape=component]
  join [shape=tripleoctagon]
  test [shape=parallelogram, tool_command="npm test"]
  boss [shape=house]
  custom [type="deploy", label="Deploy <it> & \\"ship\\""]
  start -> plan -> ask
  ask -> route [label="[Y] Yes"]
  route -> fork [condition="outcome=success && context.ready=true"]
  fork -> test -> join
  join -> boss -> custom -> exit
}`;

describe('renderSvg', () => {
  it('draws every node id and label, with a distinct fill per kind', async () => {
    const graph = parseDot(allKinds, 'kinds.dot');
    const svg = await renderSvg(graph);
    expect(svg.startsWith('<?xml')).toBe(true);
    for (const id of graph.nodes.keys()) expect(svg).toContain(`<title>${id}</title>`);
    for (const label of ['Plan the work', 'Approve?', 'Deploy &lt;it&gt; &amp; &quot;ship&quot;']) expect(svg).toContain(label);
    expect(svg).toContain('[Y] Yes');
    expect(svg).toContain('[outcome=success &amp;&amp; context.ready=true]');
    const fills = Object.values(NODE_STYLES).map((style) => style.fillcolor);
    expect(new Set(fills).size).toBe(fills.length);
    for (const fill of fills) expect(svg).toContain(`fill="${fill}"`);
    expect(svg).toContain('id="node_plan"');
    expect(svg).toContain('class="node kind_codergen"');
    expect(svg).toContain('class="node kind_wait_human"');
  });

  it('renders again from the loaded module', async () => {
    const svg = await renderSvg(parseDot('digraph G {\n  a [label="only"]\n}', 'g.dot'));
    expect(svg).toContain('<title>a</title>');
  });
});
