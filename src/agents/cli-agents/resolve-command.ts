import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { packageRoot } from '../../core/package-root.js';

/**
 * Where `command` would be run from: a path (anything with a slash, relative to `cwd`) is taken
 * as is, a bare name is looked up on the PATH of `env`. Undefined when there is no executable
 * file there, which is how a CLI that is not installed is told apart from one that fails.
 * For a coding-agent CLI use resolveCliCommand, which also looks in node_modules/.bin.
 */
export function resolveCommand(command: string, env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  return resolveIn(command, cwd, pathDirs(env));
}

/**
 * Where a coding-agent CLI profile's `command` is: a path as is; a bare name on PATH, then in
 * node_modules/.bin of `cwd` and each parent (a CLI installed in the project, as npx finds it),
 * then in Orchestra's own node_modules/.bin. The one lookup `run` and `doctor` share, so that
 * they never disagree on whether a CLI is installed.
 */
export function resolveCliCommand(command: string, env: NodeJS.ProcessEnv, cwd: string, ownPackageDir = packageRoot()): string | undefined {
  return resolveIn(command, cwd, cliSearchDirs(env, cwd, ownPackageDir));
}

/** The directories resolveCliCommand searches, in order, without duplicates. */
export function cliSearchDirs(env: NodeJS.ProcessEnv, cwd: string, ownPackageDir = packageRoot()): string[] {
  const local: string[] = [];
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    local.push(join(dir, 'node_modules', '.bin'));
    if (dirname(dir) === dir) break;
  }
  return [...new Set([...pathDirs(env), ...local, join(ownPackageDir, 'node_modules', '.bin')])];
}

function resolveIn(command: string, cwd: string, dirs: readonly string[]): string | undefined {
  if (command === '') return undefined;
  if (command.includes('/')) {
    const path = isAbsolute(command) ? command : resolve(cwd, command);
    return isExecutable(path) ? path : undefined;
  }
  for (const dir of dirs) {
    const path = join(dir, command);
    if (isExecutable(path)) return path;
  }
  return undefined;
}

function pathDirs(env: NodeJS.ProcessEnv): string[] {
  return (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
}


function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
