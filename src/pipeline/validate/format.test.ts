import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostic.js';
import { sortDiagnostics } from './diagnostic.js';
import { formatDiagnostic } from './format.js';

const loc = { file: 'p.dot', line: 12, column: 5 };

describe('formatDiagnostic', () => {
  it.each<[Diagnostic, string]>([
    [{ rule: 'reachability', severity: 'error', message: 'Node x is unreachable.', loc, fix: 'connect it' }, 'p.dot:12:5: error[reachability]: Node x is unreachable.\n  fix: connect it'],
    [{ rule: 'type_known', severity: 'warning', message: 'Unknown type.', loc }, 'p.dot:12:5: warning[type_known]: Unknown type.'],
    [{ rule: 'unknown_variable', severity: 'info', message: 'Left as written.' }, 'info[unknown_variable]: Left as written.'],
  ])('%#', (diagnostic, expected) => {
    expect(formatDiagnostic(diagnostic)).toBe(expected);
  });
});

describe('sortDiagnostics', () => {
  it('orders by line then column, positionless first, stable for ties', () => {
    const d = (message: string, line?: number, column = 1): Diagnostic => ({
      rule: 'r',
      severity: 'error',
      message,
      ...(line === undefined ? {} : { loc: { file: 'p.dot', line, column } }),
    });
    const sorted = sortDiagnostics([d('c', 3), d('a1', 1, 5), d('none'), d('a0', 1, 2), d('b', 2), d('c2', 3)]);
    expect(sorted.map((x) => x.message)).toEqual(['none', 'a0', 'a1', 'b', 'c', 'c2']);
  });
});
