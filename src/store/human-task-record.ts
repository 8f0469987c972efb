import { serializeJson } from './event-input.js';
import type { HumanTask, HumanTaskChange, HumanTaskHistoryEntry, NewHumanTask } from './human-task-types.js';
import { invalidInputError } from './store-errors.js';

/* Rules every Store applies the same way to human tasks (SQLite, memory, later PostgreSQL). */

/** The task as stored when created: status open, version 1, one `created` history entry. */
export function createHumanTaskRecord(tenant: string, input: NewHumanTask): HumanTask {
  if (typeof input.id !== 'string' || input.id.length === 0) throw invalidInputError('a new human task', 'has no id');
  if (typeof input.title !== 'string' || input.title.trim().length === 0) throw invalidInputError(`human task "${input.id}"`, 'has no title');
  const created: HumanTaskHistoryEntry = { seq: 1, at: input.createdAt, actor: input.actor, action: 'created' };
  const task: HumanTask = {
    id: input.id,
    tenant,
    kind: input.kind ?? 'form',
    title: input.title,
    description: input.description ?? '',
    form: input.form,
    context: input.context ?? {},
    ...(input.assignee && { assignee: input.assignee }),
    priority: input.priority ?? 'normal',
    status: 'open',
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
    ...(input.dueAt !== undefined && { dueAt: input.dueAt }),
    escalation: { step: 0 },
    ...(input.escalationChain !== undefined && input.escalationChain.length > 0 && { escalationChain: input.escalationChain }),
    createdBy: input.createdBy,
    version: 1,
    history: [created],
  };
  return roundTrip(`human task "${input.id}"`, task);
}

/** Applies a decided change: the next state, version + 1, the entry appended. Id, tenant, form and origin stay. */
export function applyHumanTaskChange(task: HumanTask, change: HumanTaskChange): HumanTask {
  const { next, entry } = change;
  if (!Number.isFinite(entry.at) || typeof entry.actor !== 'string' || entry.actor.length === 0) {
    throw invalidInputError(`a change of human task "${task.id}"`, 'has no valid time or actor');
  }
  const version = task.version + 1;
  const updated: HumanTask = {
    ...next,
    ...pickFixed(task),
    updatedAt: entry.at,
    version,
    history: [...task.history, { ...entry, seq: version }],
  };
  for (const key of Object.keys(updated) as Array<keyof HumanTask>) if (updated[key] === undefined) delete updated[key];
  return roundTrip(`human task "${task.id}"`, updated);
}

/** Marks the answer of a completed task taken, or undefined when there is none to take. */
export function takeAnswer(task: HumanTask, now: number): HumanTask | undefined {
  if (task.status !== 'completed' || task.answerConsumedAt !== undefined) return undefined;
  const version = task.version + 1;
  const entry: HumanTaskHistoryEntry = { seq: version, at: now, actor: 'system', action: 'answer-taken' };
  return { ...task, answerConsumedAt: now, updatedAt: now, version, history: [...task.history, entry] };
}

function pickFixed(task: HumanTask): Pick<HumanTask, 'id' | 'tenant' | 'kind' | 'form' | 'createdAt' | 'createdBy' | 'answerConsumedAt' | 'escalationChain'> {
  const { id, tenant, kind, form, createdAt, createdBy, answerConsumedAt, escalationChain } = task;
  return { id, tenant, kind, form, createdAt, createdBy, ...(answerConsumedAt !== undefined && { answerConsumedAt }), ...(escalationChain !== undefined && { escalationChain }) };
}

/** Through JSON, as SQLite keeps it, so every store hands back the same values (and rejects the same ones). */
function roundTrip(what: string, task: HumanTask): HumanTask {
  return JSON.parse(serializeJson(what, task)) as HumanTask;
}
