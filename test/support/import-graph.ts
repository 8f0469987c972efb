import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Relative imports of each module: static and type-only alike (`import`, `export … from`, `import type`). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const importPattern = /^\s*(?:import|export)\s[^'"]*?\sfrom\s+'(\.{1,2}\/[^']+)'|^\s*import\s+'(\.{1,2}\/[^']+)'/gm;

/** The graph of the `.ts` modules under `dir` (tests excluded), keyed by path relative to `root`. */
export function readImportGraph(root: string, dir: string): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of tsFiles(join(root, dir))) {
    const imports = Array.from(readFileSync(file, 'utf8').matchAll(importPattern), (match) =>
      relative(root, resolve(dirname(file), match[1] ?? match[2]!)).replace(/\.js$/, '.ts'),
    );
    graph.set(relative(root, file), imports);
  }
  return graph;
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
