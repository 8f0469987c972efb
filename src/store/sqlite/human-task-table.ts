import type Database from 'better-sqlite3';
import { applyHumanTaskChange, createHumanTaskRecord, takeAnswer } from '../human-task-record.js';
import { decodeCursor, encodeCursor, pageSize, sortKeyOf } from '../human-task-order.js';
import type { HumanTask, HumanTaskChange, HumanTaskFilter, HumanTaskHistoryEntry, HumanTaskPage, NewHumanTask } from '../human-task-types.js';
import { humanTaskExistsError, humanTaskNotFoundError } from '../store-errors.js';
import { fromHistoryRow, fromHumanTaskRow, toHistoryRow, toHumanTaskRow, type HistoryRow, type HumanTaskRow } from './human-task-rows.js';
import { isConstraintError } from './sqlite-errors.js';

const columns: readonly (keyof HumanTaskRow)[] = [
  'tenant', 'id', 'kind', 'title', 'description', 'form_json', 'context_json', 'assignee_kind', 'assignee_id', 'priority', 'status', 'created_at',
  'updated_at', 'due_at', 'escalation_json', 'escalation_chain_json', 'created_by_json', 'claimed_by', 'answer_json', 'answered_by', 'answered_at', 'answer_consumed_at', 'version',
];

// One statement for every filter: a NULL parameter switches its condition off. json_each takes lists.
const listSql = `SELECT * FROM human_tasks WHERE tenant = @tenant
  AND (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
  AND (@assigned IS NULL
    OR (assignee_kind = 'user' AND assignee_id IN (SELECT value FROM json_each(@users)))
    OR (assignee_kind = 'group' AND assignee_id IN (SELECT value FROM json_each(@groups)))
    OR (@unassigned = 1 AND assignee_kind IS NULL))
  AND (@due_before IS NULL OR (due_at IS NOT NULL AND due_at <= @due_before))
  AND (@after IS NULL OR (due_at IS NULL, COALESCE(due_at, 0), created_at, id) > (@k0, @k1, @k2, @k3))
  ORDER BY due_at IS NULL, COALESCE(due_at, 0), created_at, id LIMIT @limit`;

/**
 * The SQLite side of HumanTaskStore: synchronous operations the SqliteStore runs inside its
 * IMMEDIATE transactions, so a decide() sees the row no other process can change until commit.
 */
export class HumanTaskTable {
  private readonly sql;

  constructor(db: Database.Database) {
    this.sql = {
      insert: db.prepare<[HumanTaskRow]>(`INSERT INTO human_tasks (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`),
      update: db.prepare<[HumanTaskRow]>(`UPDATE human_tasks SET ${columns.filter((c) => c !== 'tenant' && c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE tenant = @tenant AND id = @id`),
      get: db.prepare<[string, string], HumanTaskRow>('SELECT * FROM human_tasks WHERE tenant = ? AND id = ?'),
      list: db.prepare<[Record<string, unknown>], HumanTaskRow>(listSql),
      insertHistory: db.prepare<[HistoryRow]>('INSERT INTO human_task_history (tenant, task_id, seq, at, actor, action, detail_json) VALUES (@tenant, @task_id, @seq, @at, @actor, @action, @detail_json)'),
      history: db.prepare<[string, string], HistoryRow>('SELECT * FROM human_task_history WHERE tenant = ? AND task_id = ? ORDER BY seq'),
    };
  }

  create(tenant: string, input: NewHumanTask): HumanTask {
    const task = createHumanTaskRecord(tenant, input);
    try {
      this.sql.insert.run(toHumanTaskRow(task));
    } catch (error) {
      throw isConstraintError(error, 'SQLITE_CONSTRAINT_PRIMARYKEY') ? humanTaskExistsError(input.id) : error;
    }
    this.appendHistory(task, task.history);
    return task;
  }

  get(tenant: string, id: string): HumanTask | undefined {
    const row = this.sql.get.get(tenant, id);
    return row && this.withHistory(row);
  }

  list(tenant: string, filter: HumanTaskFilter): HumanTaskPage {
    const after = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor);
    const to = filter.assignedTo;
    const limit = pageSize(filter);
    const rows = this.sql.list.all({
      tenant,
      statuses: filter.status ? JSON.stringify(filter.status) : null,
      assigned: to ? 1 : null,
      users: JSON.stringify(to?.users ?? []),
      groups: JSON.stringify(to?.groups ?? []),
      unassigned: to?.unassigned === true ? 1 : 0,
      due_before: filter.dueBefore ?? null,
      after: after ? 1 : null,
      k0: after?.[0] ?? null,
      k1: after?.[1] ?? null,
      k2: after?.[2] ?? null,
      k3: after?.[3] ?? null,
      limit: limit + 1,
    });
    const tasks = rows.slice(0, limit).map((row) => this.withHistory(row));
    const last = tasks.at(-1);
    return rows.length > limit && last ? { tasks, nextCursor: encodeCursor(sortKeyOf(last)) } : { tasks };
  }

  update(tenant: string, id: string, decide: (task: HumanTask) => HumanTaskChange): HumanTask {
    const current = this.get(tenant, id);
    if (!current) throw humanTaskNotFoundError(id);
    return this.write(current, applyHumanTaskChange(current, decide(current)));
  }

  take(tenant: string, id: string, now: number): HumanTask | undefined {
    const current = this.get(tenant, id);
    if (!current) throw humanTaskNotFoundError(id);
    const taken = takeAnswer(current, now);
    return taken && this.write(current, taken);
  }

  private write(current: HumanTask, updated: HumanTask): HumanTask {
    this.sql.update.run(toHumanTaskRow(updated));
    this.appendHistory(updated, updated.history.slice(current.history.length));
    return updated;
  }

  private appendHistory(task: HumanTask, entries: HumanTaskHistoryEntry[]): void {
    for (const entry of entries) this.sql.insertHistory.run(toHistoryRow(task, entry));
  }

  private withHistory(row: HumanTaskRow): HumanTask {
    return fromHumanTaskRow(row, this.sql.history.all(row.tenant, row.id).map(fromHistoryRow));
  }
}
