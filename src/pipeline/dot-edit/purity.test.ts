import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module index.ts reaches through value and type imports, with the modules it names. */
function importsFrom(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const specifiers = [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^;]*?from '([^']+)'/gms)].map((match) => match[1] as string);
    seen.set(file, specifiers);
    for (const specifier of specifiers) if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
  };
  visit(entry);
  return seen;
}

describe('issue 15: the DOT editing library is pure, so the dashboard can bundle it', () => {
  it('nothing index.ts imports, directly or not, imports a Node built-in or a package', () => {
    const graph = importsFrom(join(import.meta.dirname, 'index.ts'));
    const impure = [...graph].flatMap(([file, specifiers]) => specifiers.filter((s) => !s.startsWith('.')).map((s) => `${file}: ${s}`));
    expect(graph.size).toBeGreaterThan(10);
    expect(impure).toEqual([]);
  });
});
