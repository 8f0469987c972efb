import { describe, expect, it } from 'vitest';
import { diagnosticsByNode, rangeOfDiagnostic } from './lint-range';

const text = 'digraph G {\n  a [shape=boxx]\n  a -> "b c"\n}';

describe('issue 15: a diagnostic underlines its place in the text', () => {
  it.each([
    [{ line: 2, column: 6 }, 'shape'],
    [{ line: 2 }, 'a [shape=boxx]'],
    [{ line: 3, column: 8 }, '"b c"'],
    [{ line: 4, column: 1 }, '}'],
    [{ line: 99 }, '}'],
    [{ line: 2, column: 40 }, ''],
  ])('issue 15: %j spans %j', (diagnostic, spanned) => {
    const { from, to } = rangeOfDiagnostic(text, diagnostic);
    expect(text.slice(from, to)).toBe(spanned);
  });

  it('issue 15: each node gets its diagnostics, the worst first', () => {
    const byNode = diagnosticsByNode([
      { severity: 'warning', message: 'w', rule: 'r', node: 'a' },
      { severity: 'error', message: 'e', rule: 'r', node: 'a' },
      { severity: 'error', message: 'graph', rule: 'r' },
    ]);
    expect([...byNode.keys()]).toEqual(['a']);
    expect(byNode.get('a')!.map((d) => d.severity)).toEqual(['error', 'warning']);
  });
});
