import { z } from 'zod';
import { HumanTaskStatuses } from '../../store/human-task-types.js';
import { JournalKinds, WorkflowStatuses } from '../../store/workflow-types.js';

/* A code-first workflow instance as the API shows it (issue 12): store/workflow-types.ts, every field typed. */

const workflowError = z.object({ code: z.string(), message: z.string(), name: z.string().optional() });

const wait = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('timer'), timerId: z.string(), until: z.number() }),
  z.object({ kind: z.literal('task'), taskId: z.string().describe('The human task to answer (human_task_answer).') }),
  z.object({ kind: z.literal('signal'), name: z.string(), timerId: z.string().optional() }),
  z.object({ kind: z.literal('child'), instanceId: z.string() }),
]);

export const workflowInstanceSchema = z.object({
  id: z.string(),
  tenant: z.string(),
  name: z.string(),
  version: z.string().describe('Hash of the workflow source the instance is pinned to.'),
  input: z.json(),
  status: z.enum(WorkflowStatuses),
  result: z.json().optional(),
  error: workflowError.optional(),
  waitingOn: wait.optional(),
  suspendedAt: z.object({ position: z.number().int(), kind: z.enum(JournalKinds), name: z.string() }).optional(),
  parentId: z.string().optional(),
  projectDir: z.string().optional(),
  wakeups: z.number().int(),
  cleanupPending: z.literal(true).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  finishedAt: z.number().optional(),
  leaseOwner: z.string().optional(),
  leaseExpiresAt: z.number().optional(),
});

export const journalEntrySchema = z.object({
  instanceId: z.string(),
  position: z.number().int(),
  kind: z.enum(JournalKinds),
  name: z.string(),
  result: z.json().optional(),
  error: workflowError.optional(),
  at: z.number(),
});

export const workflowSignalSchema = z.object({
  instanceId: z.string(),
  seq: z.number().int(),
  name: z.string(),
  payload: z.json(),
  sentAt: z.number(),
  consumedAt: z.number().optional(),
  consumedBy: z.number().int().optional(),
});

export const workflowDetailSchema = z.object({
  instance: workflowInstanceSchema,
  journal: z.array(journalEntrySchema).describe('Every durable call so far, by position.'),
  signals: z.array(workflowSignalSchema),
  pendingTask: z.object({ id: z.string(), title: z.string(), status: z.enum(HumanTaskStatuses) }).optional().describe('The human task the instance waits on.'),
});
