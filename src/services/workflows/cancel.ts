import type { WorkflowInstance } from '../../store/workflow-types.js';
import { cancelWorkflow } from '../../workflows/runtime/index.js';
import { parseInput } from '../human-tasks/parse-input.js';
import { runtimeDeps, workflowDocs, type WorkflowServiceContext } from './context.js';
import { workflowIdInput } from './schemas.js';

/**
 * Cancels an instance at once (E_WORKFLOW_STATE when it finished already); a worker then runs its
 * finally blocks (docs/workflow-runtime.md, Cancelling).
 */
export async function cancelWorkflowInstance(ctx: WorkflowServiceContext, input: { id: string }): Promise<WorkflowInstance> {
  const { id } = parseInput(workflowIdInput, input, 'cancel a workflow instance', workflowDocs);
  return cancelWorkflow(runtimeDeps(ctx), id);
}
