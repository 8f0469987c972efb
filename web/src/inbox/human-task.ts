import type { FormDefinition, JsonValue } from '../forms/form-types';

/*
 * A human task as the API gives it (humanTasks.list and humanTasks.get; GET /openapi.json has the
 * whole shape). Only the fields the inbox shows are named.
 */

export const taskStatuses = ['open', 'claimed', 'completed', 'expired', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export interface Assignee {
  kind: 'user' | 'group';
  id: string;
}

export type TaskOrigin =
  | { kind: 'run'; runId: string; nodeId: string }
  | { kind: 'workflow'; workflowId: string; step?: string }
  | { kind: 'guided'; guidedId: string; step?: string }
  | { kind: 'api' | 'cli'; by?: string };

export interface HumanTaskView {
  id: string;
  kind: 'form' | 'chat';
  title: string;
  description: string;
  form: FormDefinition;
  context: Record<string, JsonValue>;
  assignee?: Assignee;
  priority: Priority;
  status: TaskStatus;
  createdAt: number;
  dueAt?: number;
  createdBy: TaskOrigin;
  claimedBy?: string;
  answer?: Record<string, JsonValue>;
  answeredBy?: string;
  answeredAt?: number;
  history: Array<{ seq: number; at: number; actor: string; action: string }>;
}

/** The human task events of the feed (docs/api.md "Events"): one per change of a task's history. */
export const humanTaskEventTypes = [
  'human_task.created', 'human_task.claimed', 'human_task.released', 'human_task.reassigned', 'human_task.answered',
  'human_task.expired', 'human_task.cancelled', 'human_task.escalated', 'human_task.answer-taken',
] as const;

/** `user:ann`, `group:support`, or `anyone`. */
export function assigneeText(assignee: Assignee | undefined): string {
  return assignee === undefined ? 'anyone' : `${assignee.kind}:${assignee.id}`;
}

/** Whether the task still waits for a person (only then can it be claimed, answered, reassigned). */
export function isWaiting(task: Pick<HumanTaskView, 'status'>): boolean {
  return task.status === 'open' || task.status === 'claimed';
}
