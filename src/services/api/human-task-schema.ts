import { z } from 'zod';
import { FormFieldTypes, HumanTaskActions, HumanTaskKinds, HumanTaskPriorities, HumanTaskStatuses } from '../../store/human-task-types.js';

/*
 * A human task as the API shows it (issue 12): the stored task (store/human-task-types.ts), every
 * field typed, so OpenAPI, tRPC and the typed client describe exactly what a caller gets back.
 */

const jsonObject = z.record(z.string(), z.json());
const assignee = z.object({ kind: z.enum(['user', 'group']), id: z.string() });
const priority = z.enum(HumanTaskPriorities);

const formField = z.object({
  type: z.enum(FormFieldTypes),
  label: z.string().optional(),
  help: z.string().optional(),
  required: z.boolean().optional(),
  default: z.json().optional(),
  min: z.union([z.number(), z.string()]).optional(),
  max: z.union([z.number(), z.string()]).optional(),
  pattern: z.string().optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});

const origin = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('run'), runId: z.string(), nodeId: z.string() }),
  z.object({ kind: z.literal('workflow'), workflowId: z.string(), step: z.string().optional() }),
  z.object({ kind: z.literal('guided'), guidedId: z.string(), step: z.string().optional() }),
  z.object({ kind: z.literal('api'), by: z.string().optional() }),
  z.object({ kind: z.literal('cli'), by: z.string().optional() }),
]);

const final = z.discriminatedUnion('kind', [z.object({ kind: z.literal('answer'), answer: jsonObject }), z.object({ kind: z.literal('expire') }), z.object({ kind: z.literal('cancel') })]);

const escalationStep = z.object({
  afterMs: z.number().describe('Fires this many ms after the task was created.'),
  notify: z.array(z.string()).optional(),
  remind: z.object({ everyMs: z.number().optional() }).optional(),
  reassign: assignee.optional(),
  priority: priority.optional(),
  final: final.optional(),
});

const historyEntry = z.object({ seq: z.number().int(), at: z.number(), actor: z.string(), action: z.enum(HumanTaskActions), detail: jsonObject.optional() });

export const humanTaskSchema = z.object({
  id: z.string(),
  tenant: z.string(),
  kind: z.enum(HumanTaskKinds),
  title: z.string(),
  description: z.string().describe('Markdown.'),
  form: z.record(z.string(), formField).describe('Field name to field, in display order: what an answer must fill in.'),
  context: jsonObject.describe('Shown to the person answering.'),
  assignee: assignee.optional().describe('Who the task waits for; absent: anyone in the tenant.'),
  priority,
  status: z.enum(HumanTaskStatuses),
  createdAt: z.number().describe('Epoch ms.'),
  updatedAt: z.number(),
  dueAt: z.number().optional(),
  escalation: z.object({ step: z.number().int(), lastFiredAt: z.number().optional() }),
  escalationChain: z.array(escalationStep).optional(),
  createdBy: origin,
  claimedBy: z.string().optional(),
  answer: jsonObject.optional(),
  answeredBy: z.string().optional(),
  answeredAt: z.number().optional(),
  answerConsumedAt: z.number().optional(),
  version: z.number().int(),
  history: z.array(historyEntry),
});
