import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'unknown_attribute';

describe('decision 29: unknown_attribute', () => {
  it.each([
    ['spec attributes', 'a [label="A", prompt="p", max_retries=2, timeout="15m", goal_gate=true, retry_target="a"]', 'start -> a -> exit [condition="outcome=success", weight=2]', 'goal="g"'],
    ['display attributes', 'a [label="A", color="red", style=filled, fontsize=12]', 'start -> a -> exit [color=blue, arrowhead=vee]', 'rankdir=LR'],
    ['handler attributes on any node (decision 29)', 'a [label="A", join_policy="wait_all", tool_command="x"]', 'start -> a -> exit', ''],
    ['the legacy alias default_max_retry', 'a [label="A"]', 'start -> a -> exit', 'default_max_retry=3'],
    ['attributes of custom handler types', 'a [type="deploy", label="A", region="eu"]', 'start -> a -> exit', ''],
  ])('does not fire for %s', (_, decl, edges, graphLine) => {
    expect(lintDot(pipelineDot(`${decl}\n${edges}`, graphLine), rule)).toEqual([]);
  });

  it.each([
    [
      'a typo on a node',
      'a [label="A", max_retry=3]',
      'start -> a -> exit',
      '',
      ['p.dot:5:17: warning[unknown_attribute]: Unknown attribute "max_retry" on node a; it is ignored. Did you mean "max_retries"?\n  fix: max_retries=...'],
    ],
    [
      'a typo on an edge',
      'a [label="A"]',
      'start -> a -> exit [conditon="outcome=success"]',
      '',
      // A chain shares one attribute list: reported once, where it was written.
      ['p.dot:6:23: warning[unknown_attribute]: Unknown attribute "conditon" on edge start -> a; it is ignored. Did you mean "condition"?\n  fix: condition=...'],
    ],
    [
      'a graph attribute on a node',
      'a [label="A", goal="g"]',
      'start -> a -> exit',
      '',
      ['p.dot:5:17: warning[unknown_attribute]: Attribute "goal" belongs on the graph, not on node a; here it is ignored.\n  fix: move it to the graph: graph [goal=...]'],
    ],
    [
      'a name with nothing close',
      'a [label="A", flavour="mint"]',
      'start -> a -> exit',
      '',
      ['p.dot:5:17: warning[unknown_attribute]: Unknown attribute "flavour" on node a; it is ignored.\n  fix: remove it, or correct its spelling'],
    ],
    [
      'a graph typo',
      'a [label="A"]',
      'start -> a -> exit',
      'gaol="g"',
      ['p.dot:2:3: warning[unknown_attribute]: Unknown attribute "gaol" on the graph; it is ignored. Did you mean "goal"?\n  fix: goal=...'],
    ],
  ])('warns for %s', (_, decl, edges, graphLine, expected) => {
    expect(lintDot(pipelineDot(`${decl}\n${edges}`, graphLine), rule)).toEqual(expected);
  });

  it('reports a bad node default once, not once per node', () => {
    const source = pipelineDot('node [max_retry=2]\na [label="A"]\nb [label="B"]\nstart -> a -> b -> exit');
    expect(lintDot(source, rule)).toHaveLength(1);
  });
});
