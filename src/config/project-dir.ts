import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ancestors, projectConfigNames } from './discover-config.js';

/**
 * The project `startDir` is in: the nearest directory (itself or a parent) holding an
 * orchestra.yaml, else undefined. Its workflows/ folder is the one Orchestra loads.
 */
export function findProjectDir(startDir: string): string | undefined {
  return ancestors(resolve(startDir)).find((dir) => projectConfigNames.some((name) => existsSync(join(dir, name))));
}
