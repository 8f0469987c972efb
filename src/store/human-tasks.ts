import type { TenantScope } from '../core/tenant-scope.js';
import type { HumanTask, HumanTaskChange, HumanTaskFilter, HumanTaskPage, NewHumanTask } from './human-task-types.js';
import type { NewTimer } from './timer-types.js';

/**
 * The human-task part of the Store (issue 10; docs/human-tasks.md). Every method takes the
 * caller's TenantScope first and sees only that tenant's tasks: another tenant's task is
 * E_HUMAN_TASK_NOT_FOUND, exactly like an id that does not exist. Conformance:
 * conformance/human-tasks.case.ts, run against every Store.
 */
export interface HumanTaskStore {
  /**
   * Stores a new `open` task with its `created` history entry, and schedules `timers` (its SLA's
   * first escalation, timers.ts) in the same transaction. E_STORE when the id exists.
   */
  createHumanTask(scope: TenantScope, task: NewHumanTask, timers?: NewTimer[]): Promise<HumanTask>;
  getHumanTask(scope: TenantScope, id: string): Promise<HumanTask | undefined>;
  /** One page of the tenant's tasks, overdue first (see HumanTaskPage for the order). */
  listHumanTasks(scope: TenantScope, filter?: HumanTaskFilter): Promise<HumanTaskPage>;
  /**
   * The one way a task changes. `decide` (pure, synchronous: src/humans/tasks transitions) gets
   * the current task while the store holds it exclusively (SQLite: an IMMEDIATE transaction;
   * PostgreSQL: SELECT … FOR UPDATE) and returns the next state and a history entry, or throws to
   * change nothing. Both are written in one transaction. So of two answers racing, even from two
   * processes, the second sees the first's `completed` and its `decide` refuses it.
   */
  updateHumanTask(scope: TenantScope, id: string, decide: (task: HumanTask) => HumanTaskChange): Promise<HumanTask>;
  /**
   * For the side waiting on an answer (a gate, a workflow): the completed task, the first time it is
   * asked after the answer arrived, else undefined (no answer yet, or already taken). Marks the
   * answer taken (`answerConsumedAt`, an `answer-taken` history entry) in the same transaction, so an
   * answer stored while nobody waited is seen exactly once when the work resumes.
   */
  takeHumanTaskAnswer(scope: TenantScope, id: string, now: number): Promise<HumanTask | undefined>;
}
