import type { WorkflowInstance } from '../../store/workflow-types.js';
import { workflowNotFoundError } from '../../store/workflow-errors.js';
import type { WorkflowServiceContext } from './context.js';

/** The instance of the caller's tenant, else E_WORKFLOW_NOT_FOUND (another tenant's looks the same). */
export async function requireInstance(ctx: WorkflowServiceContext, id: string): Promise<WorkflowInstance> {
  const instance = await ctx.store.getWorkflow(ctx.scope, id);
  if (!instance) throw workflowNotFoundError(id);
  return instance;
}
