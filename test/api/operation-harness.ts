import { mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../src/core/clock.js';
import { authenticateLocal } from '../../src/services/auth/index.js';
import type { ApiCaller, ApiDeps } from '../../src/services/api/index.js';
import { operations } from '../../src/services/api/operations.js';
import { createRunLauncher } from '../../src/server/runs/run-launcher.js';
import { defaultDbPath, prepareOrchestraHome } from '../../src/store/home.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/store.js';
import { absentPorts } from '../../src/services/api/testing/absent-ports.js';

/*
 * The operations as a way in serves them (issue 12), without the HTTP layer: the input parsed with
 * the operation's schema, the handler run with real deps (a SQLite store under a temp
 * ORCHESTRA_HOME, the daemon's run launcher), the output checked against its schema.
 */

export interface Harness {
  root: string;
  home: string;
  project: string;
  store: Store;
  deps: ApiDeps;
  call(name: string, input: unknown, caller?: ApiCaller): Promise<unknown>;
}

export function callerIn(tenant: string, user = 'ann'): ApiCaller {
  return { scope: authenticateLocal({ flag: tenant, env: {} }), user, access: 'write' };
}

export async function openHarness(prefix: string): Promise<Harness> {
  const root = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  const home = join(root, 'home');
  const project = join(root, 'project');
  mkdirSync(project);
  await prepareOrchestraHome(home);
  const store = await openSqliteStore(defaultDbPath(home));
  const env = { ...process.env, ORCHESTRA_HOME: home, NO_COLOR: '1' };
  const deps: ApiDeps = {
    store,
    clock: systemClock,
    home,
    env,
    log: { info() {}, warn() {}, error() {} },
    ...absentPorts(),
    projects: { list: () => [project] },
    runs: createRunLauncher({ store, home, env }),
  };
  const call = async (name: string, input: unknown, caller = callerIn('acme')): Promise<unknown> => {
    const operation = operations.find((op) => op.name === name);
    if (!operation) throw new Error(`no operation ${name}`);
    const result = await operation.handle(deps, caller, operation.input.parse(input) as never);
    return operation.output.parse(result);
  };
  return { root, home, project, store, deps, call };
}
