import type { WorkflowSignal } from '../../store/workflow-types.js';
import { signalWorkflow } from '../../workflows/runtime/index.js';
import { parseInput } from '../human-tasks/parse-input.js';
import { runtimeDeps, workflowDocs, type WorkflowServiceContext } from './context.js';
import { signalInput } from './schemas.js';

/**
 * Sends signal `name` with `data` (JSON, default null): kept until the workflow's waitForSignal takes
 * it, waking the instance if it waits for that name. E_WORKFLOW_STATE for a finished instance.
 */
export async function signalWorkflowInstance(ctx: WorkflowServiceContext, input: { id: string; name: string; data?: unknown }): Promise<WorkflowSignal> {
  const parsed = parseInput(signalInput, input, 'signal a workflow instance', workflowDocs);
  return signalWorkflow(runtimeDeps(ctx), parsed.id, parsed.name, parsed.data ?? null);
}
