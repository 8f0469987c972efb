import { describe, expect, it } from 'vitest';
import { textValue } from '../graph/model.js';
import { parseDot } from './parse.js';
import { generatePipeline } from './testing/generate-pipeline.js';

describe('parseDot', () => {
  it('parses a whole pipeline with its attributes, classes and edges', () => {
    const graph = parseDot(generatePipeline(150), 'big.dot');
    expect(graph.nodes.size).toBe(152);
    expect(graph.edges).toHaveLength(151);
    const n120 = graph.nodes.get('n120')!;
    expect(n120.classes).toEqual(['group-100']);
    expect(textValue(n120.attrs.prompt!.value)).toBe('Do step 120 of $goal // carefully');
    expect(n120.attrs.timeout!.value).toEqual({ kind: 'duration', ms: 900_000, text: '15m' });
  });

  it("parses the spec's Review example, keeping edge-only nodes as implicit (decision 27)", () => {
    const graph = parseDot(
      `digraph Review {
    rankdir=LR
    start [shape=Mdiamond]
    exit  [shape=Msquare]
    review [shape=hexagon, label="Review Changes"]
    start -> review
    review -> ship_it [label="[A] Approve"]
    review -> fixes   [label="[F] Fix"]
    ship_it -> exit
    fixes -> review
}`,
      'review.dot',
    );
    expect([...graph.nodes.values()].map((node) => [node.id, node.implicit])).toEqual([
      ['start', false],
      ['exit', false],
      ['review', false],
      ['ship_it', true],
      ['fixes', true],
    ]);
    expect(graph.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['start->review', 'review->ship_it', 'review->fixes', 'ship_it->exit', 'fixes->review']);
    expect(graph.attrs.rankdir?.value).toEqual({ kind: 'bare', value: 'LR' });
  });

  // How fast is measured by `npm run bench` (parse + validate), not here: a shared machine makes
  // timed unit tests flaky.
  it('parses and builds 10,000 nodes and 10,000 edges', () => {
    const graph = parseDot(generatePipeline(10_000), 'big.dot');
    expect(graph.nodes.size).toBe(10_002);
    expect(graph.edges).toHaveLength(10_001);
  });
});
