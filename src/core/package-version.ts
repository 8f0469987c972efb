import { readFileSync } from 'node:fs';
import { packagePath } from './package-root.js';

let cached: string | undefined;

/** The version of the Orchestra package this process runs, from its package.json ('0.0.0' if unreadable). */
export function orchestraVersion(): string {
  if (cached !== undefined) return cached;
  try {
    const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version?: unknown };
    cached = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    cached = '0.0.0';
  }
  return cached;
}
