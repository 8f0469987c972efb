import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * No `any` in the workflow SDK's public surface (issue 11): the declarations `npm run build` emits
 * for src/workflows, and every declaration file they reach through relative imports (the store and
 * human-task types a workflow sees), are scanned for the word `any` outside comments and strings.
 */

const root = resolve(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');

/** Lines of declaration text that use `any` as a type, comments and string literals left out. */
function anyUses(text: string): string[] {
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`[^`]*`/g, "''");
  return code.split('\n').filter((line) => /\bany\b/.test(line)).map((line) => line.trim());
}

/** The declaration files reachable from `entry` through relative imports (`from './x.js'`, `import('./x.js')`). */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\()'(\.[^']+)'/g)) {
      const target = resolve(dirname(file), match[1]!.replace(/\.js$/, '.d.ts'));
      if (existsSync(target)) queue.push(target);
    }
  }
  return [...seen];
}

describe('workflow SDK declarations', () => {
  it.each([
    ['a parameter', 'export declare function f(x: any): void;', ['export declare function f(x: any): void;']],
    ['an array of any', 'type A = any[];', ['type A = any[];']],
    ['a word in a comment', '/** Runs at any time. */\n// any\nexport type B = string;', []],
    ['a word in a string type', "export type C = 'any' | 'some';", []],
    ['a longer word', 'export type D = { anything: string; many: number };', []],
  ])('issue 11: the scan finds any in %s only where it is a type', (_label, text, expected) => {
    expect(anyUses(text)).toEqual(expected);
  });

  it('issue 11: the emitted declarations of the workflow SDK (and what they import) use no any', () => {
    const entry = join(dist, 'workflows', 'index.d.ts');
    expect(existsSync(entry), 'dist/ is missing: run `npm run build` first').toBe(true);
    const files = reachable(entry);
    // The SDK reaches the runtime, the store's workflow and human-task types: a scan of a handful means the walk broke.
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) => anyUses(readFileSync(file, 'utf8')).map((line) => `${relative(root, file)}: ${line}`));
    const publicEntry = readFileSync(join(dist, 'index.d.ts'), 'utf8').split('\n').filter((line) => line.includes('./workflows/'));
    expect(publicEntry.length).toBeGreaterThan(0);
    expect([...found, ...anyUses(publicEntry.join('\n'))]).toEqual([]);
  });
});
