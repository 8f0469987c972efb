import { createRequire } from 'node:module';

const requireModule = createRequire(import.meta.url);

/**
 * A package loaded on first use, synchronously, from Orchestra's node_modules. For a package that
 * only some runs need (zod to read a checkpoint back, Nunjucks for a prompt with `{{ }}`, RE2 for
 * a glob) where the caller cannot await: the CLI's bundle would otherwise compile and run it at
 * every start (issue 9). Callers import the package's types only (`import type`).
 */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireModule(name) as T);
}
