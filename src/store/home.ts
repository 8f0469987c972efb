import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { makePrivateDir, tightenToOwner } from '../core/private-files.js';

/**
 * Where Orchestra keeps its database and run directories: `$ORCHESTRA_HOME`, else `~/.orchestra`.
 * Takes the environment as a parameter; only the CLI passes `process.env`, so tests and embedders
 * never depend on the real one.
 */
export function resolveOrchestraHome(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = env.ORCHESTRA_HOME?.trim();
  if (configured) return resolve(configured);
  const home = env.HOME?.trim() || homedir();
  return join(home, '.orchestra');
}

/**
 * Creates the home 0700, or takes group and other access off an existing one: it holds the database,
 * run directories and task worktrees, and a home made by an older version or under a loose umask
 * would leave their names, and any file an older version wrote 0644, readable to everyone.
 */
export async function prepareOrchestraHome(home: string): Promise<void> {
  await makePrivateDir(home);
  await tightenToOwner(home);
}

export function defaultDbPath(home: string): string {
  return join(home, 'orchestra.db');
}

export function defaultRunsDir(home: string): string {
  return join(home, 'runs');
}
