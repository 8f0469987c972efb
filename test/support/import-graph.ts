import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Relative imports of each module: static and type-only alike (`import`, `export … from`, `import type`). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const importPattern = /^\s*(?:import|export)\s[^'"]*?\sfrom\s+'(\.{1,2}\/[^']+)'|^\s*import\s+'(\.{1,2}\/[^']+)'/gm;

/** `import type …` and `export type … from`: erased by the compiler, never loaded at run time. */
const typeOnlyPattern = /^\s*(?:import|export)\s+type\s/;

/**
 * The graph of the `.ts` modules under `dir` (tests excluded), keyed by path relative to `root`;
 * with `runtime`, only the imports that load a module when the program runs (type-only ones left out).
 */
export function readImportGraph(root: string, dir: string, options: { runtime?: boolean } = {}): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of tsFiles(join(root, dir))) {
    const matches = Array.from(readFileSync(file, 'utf8').matchAll(importPattern)).filter((match) => !(options.runtime === true && typeOnlyPattern.test(match[0])));
    const imports = matches.map((match) => relative(root, resolve(dirname(file), match[1] ?? match[2]!)).replace(/\.js$/, '.ts'));
    graph.set(relative(root, file), imports);
  }
  return graph;
}

/** Every module `start` loads, itself included, following the edges of `graph`. */
export function reachableFrom(graph: ImportGraph, start: string): string[] {
  const seen = new Set<string>();
  const visit = (module: string): void => {
    if (seen.has(module)) return;
    seen.add(module);
    for (const target of graph.get(module) ?? []) visit(target);
  };
  visit(start);
  return [...seen].sort();
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every set of modules that import each other in a circle (Tarjan's strongly connected components of size > 1, or a module importing itself). */
export function findImportCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (module: string): void => {
    index.set(module, index.size);
    low.set(module, index.get(module)!);
    stack.push(module);
    onStack.add(module);
    for (const target of graph.get(module) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(module, Math.min(low.get(module)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(module, Math.min(low.get(module)!, index.get(target)!));
    }
    if (low.get(module) !== index.get(module)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== module);
    if (component.length > 1 || graph.get(module)!.includes(module)) cycles.push(component.sort());
  };
  for (const module of graph.keys()) if (!index.has(module)) visit(module);
  return cycles;
}
