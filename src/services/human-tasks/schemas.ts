import { z } from 'zod';
import { HumanTaskKinds, HumanTaskPriorities, HumanTaskStatuses } from '../../store/human-task-types.js';

/* The inputs of the human-task services: the one definition the CLI, HTTP (OpenAPI) and MCP share. */

const id = z.string().min(1, 'must not be empty').max(200);
const assigneeText = z.union([
  z.string().regex(/^(user|group):.+$/, 'expected user:ID or group:ID'),
  z.strictObject({ kind: z.enum(['user', 'group']), id }),
]);
const jsonObject = z.record(z.string(), z.json());

export const taskIdInput = z.strictObject({ id });

export const createInput = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(500),
  /** `form` when absent; `chat` for one turn of an interactive node's conversation. */
  kind: z.enum(HumanTaskKinds).optional(),
  description: z.string().max(100_000).optional(),
  /** Checked field by field by validateForm after this. */
  form: z.record(z.string(), z.unknown()),
  context: jsonObject.optional(),
  assignee: assigneeText.optional(),
  priority: z.enum(HumanTaskPriorities).optional(),
  /** Milliseconds since the epoch. */
  dueAt: z.number().int().positive().optional(),
  /** A duration from now (`30m`, `2h`): the SLA. */
  sla: z.string().optional(),
  /** The escalation chain (src/humans/sla/sla-input.ts), checked step by step by resolveSla. */
  escalation: z.array(z.unknown()).max(20).optional(),
  createdBy: z
    .union([
      z.strictObject({ kind: z.literal('run'), runId: id, nodeId: id }),
      z.strictObject({ kind: z.literal('workflow'), workflowId: id, step: z.string().optional() }),
      z.strictObject({ kind: z.enum(['api', 'cli']), by: z.string().optional() }),
    ])
    .optional(),
  /** A caller-chosen id (a gate's visit, so resume finds its task again); else one is made. */
  id: id.optional(),
});

export const listInput = z.strictObject({
  /** mine: assigned to me, to one of my groups, or to nobody; group: to `group`; all: the whole tenant. */
  view: z.enum(['mine', 'group', 'all']).default('mine'),
  group: id.optional(),
  status: z.array(z.enum(HumanTaskStatuses)).min(1).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  cursor: z.string().optional(),
});

export const answerInput = z.strictObject({ id, answer: z.record(z.string(), z.unknown()) });
export const reassignInput = z.strictObject({ id, to: assigneeText });
export const cancelInput = z.strictObject({ id, reason: z.string().max(2_000).optional() });

export type CreateHumanTaskInput = z.input<typeof createInput>;
export type ListHumanTasksInput = z.input<typeof listInput>;
