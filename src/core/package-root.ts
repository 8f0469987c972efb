import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The Orchestra package's own folder: the nearest one above this module holding a package.json.
 * The same code runs from src/ (tests), from dist/ (the library) and from dist/bundle/ (the CLI,
 * one file where dist/ has hundreds), each at its own depth: everything found relative to the
 * package (bin/orchestra.js, the daemon's entry, package.json) goes through here.
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return (cached = dir);
    if (dirname(dir) === dir) return (cached = dirname(dirname(here)));
  }
}

/** A path inside the package: `packagePath('bin', 'orchestra.js')`. */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
