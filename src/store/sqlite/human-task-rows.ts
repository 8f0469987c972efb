import type { HumanTask, HumanTaskHistoryEntry } from '../human-task-types.js';

/* human_tasks and human_task_history rows ↔ HumanTask (snake_case stays at this edge). */

export interface HumanTaskRow {
  tenant: string;
  id: string;
  kind: HumanTask['kind'];
  title: string;
  description: string;
  form_json: string;
  context_json: string;
  assignee_kind: 'user' | 'group' | null;
  assignee_id: string | null;
  priority: HumanTask['priority'];
  status: HumanTask['status'];
  created_at: number;
  updated_at: number;
  due_at: number | null;
  escalation_json: string;
  escalation_chain_json: string | null;
  created_by_json: string;
  claimed_by: string | null;
  answer_json: string | null;
  answered_by: string | null;
  answered_at: number | null;
  answer_consumed_at: number | null;
  version: number;
}

export interface HistoryRow {
  tenant: string;
  task_id: string;
  seq: number;
  at: number;
  actor: string;
  action: HumanTaskHistoryEntry['action'];
  detail_json: string | null;
}

export function toHumanTaskRow(task: HumanTask): HumanTaskRow {
  return {
    tenant: task.tenant,
    id: task.id,
    kind: task.kind,
    title: task.title,
    description: task.description,
    form_json: JSON.stringify(task.form),
    context_json: JSON.stringify(task.context),
    assignee_kind: task.assignee?.kind ?? null,
    assignee_id: task.assignee?.id ?? null,
    priority: task.priority,
    status: task.status,
    created_at: task.createdAt,
    updated_at: task.updatedAt,
    due_at: task.dueAt ?? null,
    escalation_json: JSON.stringify(task.escalation),
    escalation_chain_json: task.escalationChain === undefined ? null : JSON.stringify(task.escalationChain),
    created_by_json: JSON.stringify(task.createdBy),
    claimed_by: task.claimedBy ?? null,
    answer_json: task.answer === undefined ? null : JSON.stringify(task.answer),
    answered_by: task.answeredBy ?? null,
    answered_at: task.answeredAt ?? null,
    answer_consumed_at: task.answerConsumedAt ?? null,
    version: task.version,
  };
}

export function toHistoryRow(task: Pick<HumanTask, 'tenant' | 'id'>, entry: HumanTaskHistoryEntry): HistoryRow {
  return {
    tenant: task.tenant,
    task_id: task.id,
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    detail_json: entry.detail === undefined ? null : JSON.stringify(entry.detail),
  };
}

export function fromHistoryRow(row: HistoryRow): HumanTaskHistoryEntry {
  return { seq: row.seq, at: row.at, actor: row.actor, action: row.action, ...(row.detail_json !== null && { detail: JSON.parse(row.detail_json) as HumanTaskHistoryEntry['detail'] }) };
}

export function fromHumanTaskRow(row: HumanTaskRow, history: HumanTaskHistoryEntry[]): HumanTask {
  return {
    id: row.id,
    tenant: row.tenant,
    kind: row.kind,
    title: row.title,
    description: row.description,
    form: JSON.parse(row.form_json) as HumanTask['form'],
    context: JSON.parse(row.context_json) as HumanTask['context'],
    ...(row.assignee_kind !== null && row.assignee_id !== null && { assignee: { kind: row.assignee_kind, id: row.assignee_id } }),
    priority: row.priority,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.due_at !== null && { dueAt: row.due_at }),
    escalation: JSON.parse(row.escalation_json) as HumanTask['escalation'],
    ...(row.escalation_chain_json !== null && { escalationChain: JSON.parse(row.escalation_chain_json) as HumanTask['escalationChain'] }),
    createdBy: JSON.parse(row.created_by_json) as HumanTask['createdBy'],
    ...(row.claimed_by !== null && { claimedBy: row.claimed_by }),
    ...(row.answer_json !== null && { answer: JSON.parse(row.answer_json) as HumanTask['answer'] }),
    ...(row.answered_by !== null && { answeredBy: row.answered_by }),
    ...(row.answered_at !== null && { answeredAt: row.answered_at }),
    ...(row.answer_consumed_at !== null && { answerConsumedAt: row.answer_consumed_at }),
    version: row.version,
    history,
  };
}
