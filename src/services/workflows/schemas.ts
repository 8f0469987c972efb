import { z } from 'zod';
import { WorkflowStatuses } from '../../store/workflow-types.js';

/* The inputs of the workflow services: the one definition the CLI, HTTP and MCP share. */

/** Printable and shell-safe: it names human tasks (`wf:<id>:<position>`) and appears in tables. */
const instanceId = z
  .string()
  .min(1, 'must not be empty')
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'use letters, digits and . _ : - (starting with a letter or digit)');

export const workflowIdInput = z.strictObject({ id: instanceId });

export const startInput = z.strictObject({
  name: z.string().min(1, 'must not be empty').max(200),
  /** Checked against the workflow's own zod schema by the runtime (E_WORKFLOW_INPUT). */
  input: z.unknown().optional(),
  /** Makes the start idempotent. */
  id: instanceId.optional(),
});

export const listInput = z.strictObject({
  status: z.array(z.enum(WorkflowStatuses)).optional(),
  name: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
});

export const signalInput = z.strictObject({
  id: instanceId,
  name: z.string().min(1, 'must not be empty').max(200),
  data: z.json().optional(),
});

export const forkInput = z.strictObject({
  id: instanceId,
  /** Journal positions below it are copied; the new instance runs the code from there. */
  fromStep: z.number().int('must be a whole number').min(0, 'must be 0 or more'),
});
