import { tenantOf, type TenantScope } from '../../core/tenant-scope.js';
import { applyHumanTaskChange, createHumanTaskRecord, takeAnswer } from '../human-task-record.js';
import { humanTaskEntry } from '../feed-entries.js';
import { compareSortKeys, decodeCursor, encodeCursor, matchesHumanTaskFilter, pageSize, sortKeyOf } from '../human-task-order.js';
import type { HumanTask, HumanTaskChange, HumanTaskFilter, HumanTaskPage, NewHumanTask } from '../human-task-types.js';
import type { HumanTaskStore } from '../human-tasks.js';
import { humanTaskExistsError, humanTaskNotFoundError, storeClosedError } from '../store-errors.js';
import { MemoryFeed } from './memory-feed.js';

/**
 * Human tasks in memory, and the guard every memory-store call goes through (MemoryStore extends
 * this). Tasks are kept as JSON per tenant, so callers never share objects with the store. A call
 * runs synchronously inside one promise job, which is what makes updateHumanTask atomic here.
 */
export class MemoryHumanTaskStore implements HumanTaskStore {
  /** Tenant → task id → the task as JSON. */
  private readonly humanTasks = new Map<string, Map<string, string>>();
  protected closed = false;
  /** The event feed every part of the memory store adds to (memory-feed.ts). */
  protected readonly feed = new MemoryFeed();

  createHumanTask(scope: TenantScope, input: NewHumanTask): Promise<HumanTask> {
    return this.guard(() => this.createNow(scope, input));
  }

  getHumanTask(scope: TenantScope, id: string): Promise<HumanTask | undefined> {
    return this.guard(() => {
      return this.read(scope, id);
    });
  }

  listHumanTasks(scope: TenantScope, filter: HumanTaskFilter = {}): Promise<HumanTaskPage> {
    return this.guard(() => {
      const after = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor);
      const limit = pageSize(filter);
      const matching = [...this.tenantTasks(scope).values()]
        .map((json) => JSON.parse(json) as HumanTask)
        .filter((task) => matchesHumanTaskFilter(task, filter) && (after === undefined || compareSortKeys(sortKeyOf(task), after) > 0))
        .sort((a, b) => compareSortKeys(sortKeyOf(a), sortKeyOf(b)));
      const tasks = matching.slice(0, limit);
      const last = tasks.at(-1);
      return matching.length > limit && last ? { tasks, nextCursor: encodeCursor(sortKeyOf(last)) } : { tasks };
    });
  }

  updateHumanTask(scope: TenantScope, id: string, decide: (task: HumanTask) => HumanTaskChange): Promise<HumanTask> {
    return this.guard(() => this.updateNow(scope, id, decide));
  }

  takeHumanTaskAnswer(scope: TenantScope, id: string, now: number): Promise<HumanTask | undefined> {
    return this.guard(() => {
      const current = this.read(scope, id);
      if (!current) throw humanTaskNotFoundError(id);
      const taken = takeAnswer(current, now);
      if (taken) this.save(scope, current, taken);
      return taken;
    });
  }

  /** Runs `work` unless the store is closed; its throw becomes the promise's rejection. */
  protected guard<T>(work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(storeClosedError());
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  protected createNow(scope: TenantScope, input: NewHumanTask): HumanTask {
    const tasks = this.tenantTasks(scope);
    if (tasks.has(input.id)) throw humanTaskExistsError(input.id);
    const task = createHumanTaskRecord(tenantOf(scope), input);
    this.save(scope, undefined, task);
    return task;
  }

  protected updateNow(scope: TenantScope, id: string, decide: (task: HumanTask) => HumanTaskChange): HumanTask {
    const current = this.read(scope, id);
    if (!current) throw humanTaskNotFoundError(id);
    const updated = applyHumanTaskChange(current, decide(current));
    this.save(scope, current, updated);
    return updated;
  }

  /** Stores the task and feeds the history entries it gained, as SQLite's trigger does. */
  private save(scope: TenantScope, before: HumanTask | undefined, task: HumanTask): void {
    this.tenantTasks(scope).set(task.id, JSON.stringify(task));
    for (const entry of task.history.slice(before?.history.length ?? 0)) this.feed.add(task.tenant, humanTaskEntry(task, entry));
  }

  protected read(scope: TenantScope, id: string): HumanTask | undefined {
    const json = this.humanTasks.get(tenantOf(scope))?.get(id);
    return json === undefined ? undefined : (JSON.parse(json) as HumanTask);
  }

  private tenantTasks(scope: TenantScope): Map<string, string> {
    const tenant = tenantOf(scope);
    let tasks = this.humanTasks.get(tenant);
    if (!tasks) this.humanTasks.set(tenant, (tasks = new Map()));
    return tasks;
  }
}
