import type { WorkflowInstance, WorkflowStatus } from '../../store/workflow-types.js';
import { parseInput } from '../human-tasks/parse-input.js';
import { workflowDocs, type WorkflowServiceContext } from './context.js';
import { listInput } from './schemas.js';

/** The caller's tenant's instances, newest first (100 unless `limit`), by status and name. */
export function listWorkflowInstances(ctx: WorkflowServiceContext, input: { status?: WorkflowStatus[]; name?: string; limit?: number } = {}): Promise<WorkflowInstance[]> {
  const parsed = parseInput(listInput, input, 'list workflow instances', workflowDocs);
  return ctx.store.listWorkflows(ctx.scope, {
    ...(parsed.status !== undefined && { status: parsed.status }),
    ...(parsed.name !== undefined && { name: parsed.name }),
    ...(parsed.limit !== undefined && { limit: parsed.limit }),
  });
}
