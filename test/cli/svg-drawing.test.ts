import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contains, overlaps, svgGeometry, type Box } from '../support/svg-geometry.js';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

// The drawing `compile --svg` makes, read back as geometry: what a reader sees must not collide.
const dir = mkdtempSync(join(tmpdir(), 'orchestra-svg-'));
const home = join(dir, 'home');
const examples = join(process.cwd(), 'examples');

const reviewLoop = `digraph Review {
  start [shape=Mdiamond]
  exit [shape=Msquare]
  subgraph cluster_work {
    label="Work"
    plan [prompt="Plan"]
    impl [prompt="Implement", goal_gate=true, retry_target=plan]
  }
  review [shape=hexagon, label="Review the plan?"]
  start -> plan -> review
  review -> impl [label="[A] Approve"]
  review -> plan [label="[R] Revise with comments"]
  review -> exit [label="[S] Skip everything"]
  review -> review [label="[W] Wait for more input"]
  impl -> exit
}
`;

// The drawing a user reported: a gate looping back to the node before it, its label on the edge.
const gateBack = `digraph G {
  start [shape=Mdiamond]
  exit [shape=Msquare]
  review [shape=hexagon, label="Review the plan?"]
  plan [prompt="plan"]
  impl [prompt="impl"]
  start -> plan -> review
  review -> impl [label="[A] Approve"]
  review -> plan [label="[R] Revise with comments", condition="outcome=fail"]
  review -> exit [label="[S] Skip everything"]
  impl -> exit
}
`;

async function draw(file: string): Promise<string> {
  const out = join(dir, `${file.replace(/[^a-z0-9]/gi, '_')}.svg`);
  const result = await runBin(['compile', file, '--svg', out], { cwd: dir, home });
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

/** Every way an edge label can be hard to read: on a node, on another label, or crossed by an edge. */
function collisions(svg: string): string[] {
  const { nodes, edgeLabels, edgeLines } = svgGeometry(svg);
  const found: string[] = [];
  const inset = (box: Box): Box => ({ ...box, left: box.left + 0.5, right: box.right - 0.5, top: box.top + 0.5, bottom: box.bottom - 0.5 });
  for (const [i, label] of edgeLabels.entries()) {
    for (const node of nodes) if (overlaps(label, node)) found.push(`label of ${label.owner} on ${node.owner}`);
    for (const other of edgeLabels.slice(i + 1)) if (other.owner !== label.owner && overlaps(label, other)) found.push(`label of ${label.owner} on label of ${other.owner}`);
    for (const [edge, points] of edgeLines) {
      if (edge !== label.owner && points.some((point) => contains(inset(label), point))) found.push(`label of ${label.owner} crossed by ${edge}`);
    }
  }
  return found;
}

beforeAll(() => {
  assertBuilt();
  writeFileSync(join(dir, 'review.dot'), reviewLoop);
  writeFileSync(join(dir, 'gate-back.dot'), gateBack);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('issue 9: the SVG drawing', () => {
  it('issue 9: keeps a human gate\'s choice labels clear of nodes, other labels and other edges, loops included', async () => {
    expect(collisions(await draw('review.dot'))).toEqual([]);
    expect(collisions(await draw('gate-back.dot'))).toEqual([]);
  });

  it('issue 9: keeps edge labels clear in every example pipeline', async () => {
    const files = readdirSync(examples).filter((name) => name.endsWith('.dot'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect({ file, collisions: collisions(await draw(join(examples, file))) }).toEqual({ file, collisions: [] });
  });

  it('issue 9: draws subgraph clusters with their labels and marks goal gates with a double outline', async () => {
    const svg = await draw('review.dot');
    const cluster = /<g id="cluster_0" class="cluster">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(cluster).toContain('>Work</text>');
    const impl = /<g id="node_impl" class="node kind_codergen goal_gate">([\s\S]*?)<\/g>\n<\/g>/.exec(svg)?.[1] ?? '';
    expect(impl).toContain('goal gate');
    expect(impl.match(/<path /g)?.length).toBe(2);
    const plan = /<g id="node_plan" class="node kind_codergen">([\s\S]*?)<\/g>\n<\/g>/.exec(svg)?.[1] ?? '';
    expect(plan.match(/<path /g)?.length).toBe(1);
  });
});
