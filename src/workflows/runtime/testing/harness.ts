import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../core/clock.js';
import { mintTenantScope, type TenantScope } from '../../../core/tenant-scope.js';
import { openSqliteStore } from '../../../store/sqlite/open-sqlite-store.js';
import type { Store } from '../../../store/store.js';
import type { WorkflowDeps } from '../deps.js';
import { storeHumanTasks } from './store-human-tasks.js';

/** A clock tests move by hand; sleep() (step retries' backoff) moves it instead of waiting. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

export function manualClock(start = 1_700_000_000_000): ManualClock {
  let now = start;
  return {
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
    advance: (ms) => void (now += ms),
  };
}

export interface Harness {
  store: Store;
  scope: TenantScope;
  clock: ManualClock;
  path: string;
  /** Deps for one worker process, named `owner`. */
  deps(owner?: string): WorkflowDeps;
  close(): Promise<void>;
}

/** A real SQLite store in a temp dir, a manual clock, and the human-task port over the store. */
export async function openHarness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'orchestra-wf-'));
  const path = join(dir, 'orchestra.db');
  const store = await openSqliteStore(path);
  const scope = mintTenantScope('acme');
  const clock = manualClock();
  return {
    store, scope, clock, path,
    deps: (owner = 'worker-1') => ({ store, scope, clock, owner, humanTasks: storeHumanTasks(store, scope, clock), random: () => 0.5 }),
    async close() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
