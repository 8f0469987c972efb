import { authenticateLocal } from '../../services/auth/index.js';
import type { Store } from '../../store/store.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { CommandContext } from '../command-context.js';
import { resolveStoreLocation } from '../store-location.js';
import type { DoctorCheck } from './doctor-check.js';
import { humanTaskChecks, sweepLagMs, type HumanTaskFacts } from './doctor-human-task-rules.js';

/** The most rows doctor reads of each kind: enough to count what matters, bounded on a big store. */
const readLimit = 1000;

/**
 * `orchestra doctor`'s human-task lines, for the local tenant (ORCHESTRA_TENANT, else `default`).
 * A store that does not open is the store check's problem: then these lines are left out.
 */
export async function checkHumanTasks(env: CommandContext['io']['env'], now: number): Promise<DoctorCheck[]> {
  let store: Store;
  try {
    store = await openSqliteStore(resolveStoreLocation(env).dbPath);
  } catch {
    return [];
  }
  try {
    return humanTaskChecks(await readFacts(store, env, now), now);
  } catch {
    return [];
  } finally {
    await store.close();
  }
}

async function readFacts(store: Store, env: CommandContext['io']['env'], now: number): Promise<HumanTaskFacts> {
  const scope = authenticateLocal({ env });
  const { tasks } = await store.listHumanTasks(scope, { status: ['open', 'claimed'], limit: readLimit });
  const timers = await store.listTimers(scope, { pending: true });
  const failed = await store.listDeliveries(scope.tenant, { statuses: ['failed', 'dead'], limit: readLimit });
  const pending = await store.listDeliveries(scope.tenant, { statuses: ['pending'], limit: readLimit });
  return {
    tenant: scope.tenant,
    waiting: tasks.map((task) => ({ id: task.id, title: task.title, ...(task.dueAt !== undefined && { dueAt: task.dueAt }) })),
    pendingTimers: timers.map((timer) => ({ dueAt: timer.dueAt, ...(timer.leaseUntil !== undefined && { leaseUntil: timer.leaseUntil }) })),
    deliveries: {
      failed: failed.filter((delivery) => delivery.status === 'failed').length,
      dead: failed.filter((delivery) => delivery.status === 'dead').length,
      stalePending: pending.filter((delivery) => (delivery.nextAttemptAt ?? delivery.createdAt) < now - sweepLagMs && (delivery.leaseExpiresAt === undefined || delivery.leaseExpiresAt < now)).length,
    },
  };
}
