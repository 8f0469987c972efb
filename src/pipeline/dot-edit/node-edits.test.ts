import { describe, expect, it } from 'vitest';
import { applyEdit } from './index.js';
import type { DotEdit } from './types.js';

const base = `// Review flow
digraph Review {
    graph [goal="Ship"]  // the goal
    node [shape=box]

    start [shape=Mdiamond]
    plan  [label="Plan", prompt="Plan it"]   # not a comment here, a stray? no: see below
    exit  [shape=Msquare]

    start -> plan -> exit
}
`.replace('   # not a comment here, a stray? no: see below', '   /* planner */');

type Case = [name: string, text: string, edit: DotEdit, expected: string];

const cases: Case[] = [
  [
    'add-node goes after the last node statement, indented like it',
    base,
    { kind: 'add-node', id: 'review', attrs: { label: 'Review "it"', prompt: 'C:\\tmp' } },
    base.replace('    exit  [shape=Msquare]\n', '    exit  [shape=Msquare]\n    review [label="Review \\"it\\"", prompt="C:\\\\tmp"]\n'),
  ],
  ['add-node with no attributes', 'digraph G {\n  a;\n  a -> b;\n}\n', { kind: 'add-node', id: 'c' }, 'digraph G {\n  a;\n  c;\n  a -> b;\n}\n'],
  ['add-node into an empty graph', 'digraph G {}', { kind: 'add-node', id: 'a' }, 'digraph G {\n  a\n}'],
  ['add-node into an empty multi-line graph', 'digraph G {\n}\n', { kind: 'add-node', id: 'a' }, 'digraph G {\n  a\n}\n'],
  ['add-node before the first edge when only edges exist', 'digraph G {\n\ta -> b\n}', { kind: 'add-node', id: 'c' }, 'digraph G {\n\tc\n\ta -> b\n}'],
  ['add-node keeps CRLF line endings', 'digraph G {\r\n  a\r\n}\r\n', { kind: 'add-node', id: 'b' }, 'digraph G {\r\n  a\r\n  b\r\n}\r\n'],
  ['set-node-attr replaces only the value', base, { kind: 'set-node-attr', id: 'plan', key: 'prompt', value: 'Plan "well"' }, base.replace('prompt="Plan it"', 'prompt="Plan \\"well\\""')],
  ['set-node-attr keeps a bare value bare', base, { kind: 'set-node-attr', id: 'start', key: 'shape', value: 'circle' }, base.replace('[shape=Mdiamond]', '[shape=circle]')],
  ['set-node-attr quotes a bare value that needs it', base, { kind: 'set-node-attr', id: 'start', key: 'shape', value: 'two words' }, base.replace('[shape=Mdiamond]', '[shape="two words"]')],
  ['set-node-attr appends inside the existing brackets', base, { kind: 'set-node-attr', id: 'exit', key: 'label', value: 'Done' }, base.replace('[shape=Msquare]', '[shape=Msquare, label="Done"]')],
  ['set-node-attr adds brackets to a bare statement', 'digraph G {\n  a; // first\n}', { kind: 'set-node-attr', id: 'a', key: 'label', value: 'A' }, 'digraph G {\n  a [label="A"]; // first\n}'],
  [
    'set-node-attr appends a line to a list written one per line',
    'digraph G {\n  a [\n    label="A",\n    prompt="p"\n  ]\n}',
    { kind: 'set-node-attr', id: 'a', key: 'timeout', value: '900s' },
    'digraph G {\n  a [\n    label="A",\n    prompt="p",\n    timeout="900s"\n  ]\n}',
  ],
  ['set-node-attr follows the list separator (;)', 'digraph G { a [x=1; y=2] }', { kind: 'set-node-attr', id: 'a', key: 'z', value: '3' }, 'digraph G { a [x=1; y=2; z="3"] }'],
  ['set-node-attr on a node named only by an edge gives it a statement', 'digraph G {\n  a\n  a -> b\n}', { kind: 'set-node-attr', id: 'b', key: 'label', value: 'B' }, 'digraph G {\n  a\n  b [label="B"]\n  a -> b\n}'],
  ['set-node-attr sets the statement that wins (the last)', 'digraph G {\n  a [x=1]\n  a [x=2]\n}', { kind: 'set-node-attr', id: 'a', key: 'x', value: '3' }, 'digraph G {\n  a [x=1]\n  a [x=3]\n}'],
  ['set-node-attr inside a subgraph', 'digraph G {\n  subgraph s {\n    a [x=1] /* keep */\n  }\n}', { kind: 'set-node-attr', id: 'a', key: 'x', value: '2' }, 'digraph G {\n  subgraph s {\n    a [x=2] /* keep */\n  }\n}'],
  ['set-node-attr to the same value changes nothing', base, { kind: 'set-node-attr', id: 'plan', key: 'label', value: 'Plan' }, base],
  ['removing an attribute in the middle', base, { kind: 'set-node-attr', id: 'plan', key: 'label', value: undefined }, base.replace('[label="Plan", prompt="Plan it"]', '[prompt="Plan it"]')],
  ['removing the last attribute of a list', base, { kind: 'set-node-attr', id: 'plan', key: 'prompt', value: undefined }, base.replace('[label="Plan", prompt="Plan it"]', '[label="Plan"]')],
  ['removing the only attribute drops the brackets', base, { kind: 'set-node-attr', id: 'exit', key: 'shape', value: undefined }, base.replace('exit  [shape=Msquare]', 'exit')],
  ['removing an attribute written twice removes both', 'digraph G {\n  a [x=1, y=2]\n  a [x=3];\n}', { kind: 'set-node-attr', id: 'a', key: 'x', value: undefined }, 'digraph G {\n  a [y=2]\n  a;\n}'],
  [
    'removing an attribute on its own line takes its line and the dangling comma',
    'digraph G {\n  a [\n    label="A",\n    prompt="p"  // the prompt\n  ]\n}',
    { kind: 'set-node-attr', id: 'a', key: 'prompt', value: undefined },
    'digraph G {\n  a [\n    label="A"\n  ]\n}',
  ],
  ['removing an attribute that is not there changes nothing', base, { kind: 'set-node-attr', id: 'plan', key: 'timeout', value: undefined }, base],
  ['set-pos writes a pinned position', base, { kind: 'set-pos', id: 'start', x: 10.256, y: -20 }, base.replace('[shape=Mdiamond]', '[shape=Mdiamond, pos="10.26,-20!"]')],
  ['set-pos moves a pinned position', 'digraph G { a [pos="1,2!"] }', { kind: 'set-pos', id: 'a', x: 3, y: 4 }, 'digraph G { a [pos="3,4!"] }'],
  ['remove-node removes its statement and its hops (the ends are declared elsewhere)', base, { kind: 'remove-node', id: 'plan' }, base.replace('    plan  [label="Plan", prompt="Plan it"]   /* planner */\n', '').replace('    start -> plan -> exit\n', '')],
  [
    'remove-node keeps only endpoints that would vanish',
    'digraph G {\n  a -> b -> c [label=x];\n  c -> d\n}',
    { kind: 'remove-node', id: 'b' },
    'digraph G {\n  a;\n  c -> d\n}',
  ],
  ['remove-node at the end of a chain keeps the chain and its attributes', 'digraph G {\n  a -> b -> c [color=red]\n}', { kind: 'remove-node', id: 'c' }, 'digraph G {\n  a -> b [color=red]\n}'],
  ['remove-node on statements sharing a line', 'digraph G { a; b; a -> b }', { kind: 'remove-node', id: 'b' }, 'digraph G { a; }'],
  ['remove-node in a subgraph and a loop', 'digraph G {\n  subgraph s { b }\n  a -> b -> a\n}', { kind: 'remove-node', id: 'b' }, 'digraph G {\n  subgraph s { }\n  a\n}'],
];

describe('issue 15: node edits splice only what they change', () => {
  it.each(cases)('%s', (_name, text, edit, expected) => {
    expect(applyEdit(text, edit)).toBe(expected);
  });
});
