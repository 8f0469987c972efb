import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

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

export function defaultDbPath(home: string): string {
  return join(home, 'orchestra.db');
}

export function defaultRunsDir(home: string): string {
  return join(home, 'runs');
}
