import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { orchestraHome } from './orchestra-home.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Project file names, tried in this order in each directory. */
export const projectConfigNames = ['orchestra.yaml', 'orchestra.yml'] as const;

/**
 * The config file that applies to a pipeline in `startDir`: the nearest `orchestra.yaml` in that
 * directory or a parent, else `$ORCHESTRA_HOME/config.yaml` (default `~/.orchestra/config.yaml`).
 * The nearest file wins whole; files are not merged, so what a project says is all there is.
 */
export function discoverConfigFile(options: { startDir: string; env: Env }): string | undefined {
  for (const dir of ancestors(resolve(options.startDir))) {
    for (const name of projectConfigNames) {
      const candidate = join(dir, name);
      if (isFile(candidate)) return candidate;
    }
  }
  const user = join(orchestraHome(options.env), 'config.yaml');
  return isFile(user) ? user : undefined;
}

/** `dir`, its parent, ... up to the root. */
export function ancestors(dir: string): string[] {
  const result = [dir];
  for (let current = dir, parent = dirname(dir); parent !== current; current = parent, parent = dirname(parent)) result.push(parent);
  return result;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}
