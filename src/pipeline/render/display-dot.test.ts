import { describe, expect, it } from 'vitest';
import { parseDot } from '../dot/parse.js';
import { toDisplayDot } from './display-dot.js';

describe('toDisplayDot', () => {
  it('writes only attributes chosen for drawing, quoted, styled by handler kind', () => {
    const graph = parseDot(
      'digraph Demo {\n  rankdir=LR\n  start [shape=Mdiamond]\n  plan [label="Plan \\"it\\"", image="/etc/passwd", prompt="p"]\n  exit [shape=Msquare]\n  start -> plan [label="go", condition="outcome=success"]\n  plan -> exit [loop_restart=true]\n}',
      'p.dot',
    );
    expect(toDisplayDot(graph)).toBe(
      [
        'digraph "Demo" {',
        '  graph [rankdir="LR", nodesep="0.8", ranksep="0.7", fontname="Helvetica", pad="0.3", label=""];',
        '  node [fontname="Helvetica", fontsize="12", margin="0.2,0.08"];',
        '  edge [fontname="Helvetica", fontsize="10"];',
        '  "start" [label="start", shape="Mdiamond", style="filled", fillcolor="#c8e6c9", id="node_start", class="kind_start", tooltip="start (start)"];',
        '  "plan" [label="Plan \\"it\\"", shape="box", style="filled,rounded", fillcolor="#e3f2fd", id="node_plan", class="kind_codergen", tooltip="plan (codergen)"];',
        '  "exit" [label="exit", shape="Msquare", style="filled", fillcolor="#ffcdd2", id="node_exit", class="kind_exit", tooltip="exit (exit)"];',
        '  "start" -> "plan" [label="go\\n[outcome=success]", id="edge_0"];',
        '  "plan" -> "exit" [label="", id="edge_1", style="dashed"];',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('falls back to top-to-bottom for a rankdir Graphviz would not take', () => {
    const graph = parseDot('digraph G {\n  rankdir="LR; bad"\n  a\n}', 'p.dot');
    expect(toDisplayDot(graph)).toContain('graph [rankdir="TB"');
  });
});
