import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findImportCycles, readImportGraph } from '../support/import-graph.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('issue 9: no import cycles', () => {
  it('no module under src/ imports itself through others, type-only imports included', () => {
    expect(findImportCycles(readImportGraph(root, 'src'))).toEqual([]);
  });

  it('the check finds a cycle, type-only or not', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(findImportCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('reads import type, export from and multi-line imports as edges', () => {
    const graph = readImportGraph(root, 'src/engine/run');
    expect(graph.get('src/engine/run/outcome-log.ts')).toContain('src/store/types.ts');
    expect(graph.get('src/engine/run/branch-steps.ts')).toContain('src/engine/run/branch-place.ts');
  });
});
