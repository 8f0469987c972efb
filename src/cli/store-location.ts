import { defaultDbPath, defaultRunsDir, prepareOrchestraHome, resolveOrchestraHome } from '../store/home.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import type { CliIo } from './cli-io.js';

export interface StoreLocation {
  home: string;
  /** `$ORCHESTRA_HOME/orchestra.db` */
  dbPath: string;
  /** `$ORCHESTRA_HOME/runs`: each run's directory unless `--logs` names another. */
  runsDir: string;
}

export function resolveStoreLocation(env: CliIo['env']): StoreLocation {
  const home = resolveOrchestraHome(env as NodeJS.ProcessEnv);
  return { home, dbPath: defaultDbPath(home, env), runsDir: defaultRunsDir(home) };
}

/** Opens the store every command shares; the caller closes it. */
export async function openCliStore(env: CliIo['env']): Promise<{ store: Store; location: StoreLocation }> {
  const location = resolveStoreLocation(env);
  await prepareOrchestraHome(location.home);
  return { store: await openSqliteStore(location.dbPath), location };
}
