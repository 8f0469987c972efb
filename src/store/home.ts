import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { ErrorCode, OrchestraError } from '../core/errors.js';
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

/**
 * The store's file: `$ORCHESTRA_HOME/orchestra.db`, or the SQLite file WORKFLOW_DB_PATH names (seed
 * 004's variable, so its users keep their database; it holds everything, not only guided instances).
 * It must be absolute: the CLI, the daemon (which runs in its home) and detached runs start in
 * different folders, and a relative path would give each its own store.
 */
export function defaultDbPath(home: string, env: Readonly<Record<string, string | undefined>> = {}): string {
  const named = env.WORKFLOW_DB_PATH?.trim();
  if (named === undefined || named === '') return join(home, 'orchestra.db');
  if (!isAbsolute(named)) {
    throw new OrchestraError(ErrorCode.CONFIG, `WORKFLOW_DB_PATH is ${JSON.stringify(named)}, a relative path`, {
      hint: `Give an absolute path (e.g. ${resolve(named)}), or unset it to use ${join(home, 'orchestra.db')}.`,
    });
  }
  return resolve(named);
}

export function defaultRunsDir(home: string): string {
  return join(home, 'runs');
}
