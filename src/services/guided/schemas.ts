import { z } from 'zod';
import { GuidedStatuses } from '../../store/guided-types.js';

/*
 * The guided-workflow tools' inputs and answers, shaped as seed 004 shapes them (snake_case fields,
 * `report` with step_id, status and result plus anything else the agent wants recorded).
 */

const instanceId = z.string().min(1).max(200).describe('The id start_workflow returned.');
const context = z.record(z.string(), z.unknown()).describe('Context variables by name; index.md\'s front matter declares their types.');
const project = z.string().min(1).max(4096).optional().describe('Absolute path of the project whose workflows/ folder holds the definition; may be left out when Orchestra serves one project.');

export const report = z
  .looseObject({
    step_id: z.string().min(1).max(200).describe('The step the report is about: the current step\'s name.'),
    status: z.string().min(1).max(100).describe('success, failure or blocked (or another status the step\'s rules name).'),
    result: z.unknown().optional().describe('What the step produced, as the step\'s instructions ask.'),
  })
  .describe('What happened in the step; extra fields are kept with it.');

export const listWorkflowsInput = z.strictObject({ project });
export const startWorkflowInput = z.strictObject({ workflow_name: z.string().min(1).max(200).describe('A workflow list_workflows shows.'), context: context.optional(), project });
export const instanceInput = z.strictObject({ instance_id: instanceId });
export const advanceWorkflowInput = z.strictObject({ instance_id: instanceId, report, context_updates: context.optional() });
export const resumeWorkflowInput = z.strictObject({
  instance_id: instanceId,
  assumed_current_step_name: z.string().min(1).max(200).describe('The step the agent believes is current.'),
  report: report.optional(),
  context_updates: context.optional(),
});

export type StartWorkflowInput = z.infer<typeof startWorkflowInput>;
export type AdvanceWorkflowInput = z.infer<typeof advanceWorkflowInput>;
export type ResumeWorkflowInput = z.infer<typeof resumeWorkflowInput>;

export const guidedAnswerSchema = z.object({
  instance_id: z.string(),
  status: z.enum(GuidedStatuses),
  next_step: z.object({ name: z.string(), instructions: z.string().describe('The step\'s Client Instructions, rendered with the context.') }).nullable(),
  reason: z.string(),
  waiting_for: z.object({ step: z.string(), human_task_id: z.string().optional(), task_id: z.string().optional() }).optional(),
  fallback: z.string().optional().describe('Why the model was not followed, when the rules decided instead.'),
});

export const workflowSummarySchema = z.looseObject({ name: z.string(), valid: z.boolean() });

const json = z.record(z.string(), z.unknown());
export const guidedInstanceSchema = z.object({
  id: z.string(),
  tenant: z.string(),
  workflowName: z.string(),
  definitionDir: z.string(),
  projectDir: z.string().optional(),
  currentStep: z.string().optional(),
  status: z.enum(GuidedStatuses),
  context: json,
  createdAt: z.number(),
  updatedAt: z.number(),
  waitingFor: z.object({ step: z.string(), humanTaskId: z.string().optional(), taskId: z.string().optional(), taskSlug: z.string().optional(), reconcile: z.object({ recorded: z.string(), assumed: z.string() }).optional() }).optional(),
  version: z.number(),
});

export const guidedDetailSchema = z.object({
  instance: guidedInstanceSchema,
  history: z.array(z.object({ seq: z.number(), step: z.string(), report: json, contextUpdates: json, at: z.number() })),
  decisions: z.array(z.object({ seq: z.number(), kind: z.enum(['start', 'advance', 'resume']), input: json, output: json, reason: z.string(), by: z.enum(['model', 'rules', 'person']), fallback: z.string().optional(), at: z.number() })),
});
