import { resolve } from 'node:path';
import type { StartedWorkflow } from '../../store/workflow-types.js';
import { requireWorkflow } from '../../workflows/loader/index.js';
import { startWorkflow } from '../../workflows/runtime/index.js';
import { parseInput } from '../human-tasks/parse-input.js';
import { loadRegistry, runtimeDeps, workflowDocs, type WorkflowServiceContext } from './context.js';
import { startInput } from './schemas.js';

/**
 * Starts an instance of the project's workflow `name`: the name is looked up in the project's
 * workflows/ (E_WORKFLOW_NOT_FOUND with a "did you mean"), the input checked by the workflow's
 * schema (E_WORKFLOW_INPUT, field by field), and the instance stored `running`, pinned to the
 * version hash of the code and to the project dir, for a worker to run. With an id the start is
 * idempotent: an instance with that id is returned unchanged (created false).
 */
export async function startWorkflowInstance(ctx: WorkflowServiceContext, input: { name: string; input?: unknown; id?: string }): Promise<StartedWorkflow> {
  const parsed = parseInput(startInput, input, 'start a workflow', workflowDocs);
  const projectDir = resolve(ctx.projectDir);
  const loaded = requireWorkflow(await loadRegistry(ctx, projectDir), parsed.name);
  return startWorkflow(runtimeDeps(ctx), loaded.definition, parsed.input, {
    ...(parsed.id !== undefined && { id: parsed.id }),
    version: loaded.versionHash,
    projectDir,
  });
}
