import type { ResolvedPeople } from '../../config/index.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { Actor } from '../../humans/tasks/actor.js';
import type { HumanTaskStore } from '../../store/human-tasks.js';
import type { TaskAnnouncer } from '../notifications/outbox-notifier.js';

/**
 * What every human-task service needs, built by the way in (CLI, HTTP, MCP) after it authenticated
 * the caller: the store, the caller's tenant scope, who is acting, the people they may name, a clock.
 *
 * Each service validates its input (zod, schemas.ts); those that change a task hand a pure
 * transition (src/humans/tasks/transitions.ts) to `store.updateHumanTask`, which runs it on the
 * current task atomically: the first valid answer wins, whatever process or channel it came from.
 */
export interface HumanTaskServiceContext {
  store: HumanTaskStore;
  scope: TenantScope;
  actor: Actor;
  people: ResolvedPeople;
  now(): number;
  /** Told after a change is stored (created, assigned, completed, cancelled); enqueues notices, never throws. */
  notices?: TaskAnnouncer;
}
