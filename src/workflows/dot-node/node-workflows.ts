import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { NodeWorkflowOutcome, RunWorkflows } from '../../engine/run-workflows.js';
import { isFinished } from '../../store/workflow-rules.js';
import type { WorkflowInstance } from '../../store/workflow-types.js';
import type { WorkflowDefinition } from '../definition.js';
import type { WorkflowDeps } from '../runtime/deps.js';
import type { WorkflowDefinitions } from '../runtime/ports.js';
import { runInstance } from '../runtime/run-instance.js';
import { startWorkflow } from '../runtime/start-workflow.js';

export interface NodeWorkflowsOptions {
  /** The runtime in the run's tenant (the engine's `workflows` port acts there). */
  deps: WorkflowDeps;
  /** The loaded workflows (by name). */
  definitions: WorkflowDefinitions;
  /**
   * What to pin a started instance to (its code's version hash, its project folder), so that a
   * daemon or worker taking it over later runs the same code. Unpinned when absent.
   */
  pin?: (name: string) => { version?: string; projectDir?: string };
  /** How long to wait before looking at a waiting instance again (a timer, a task or a signal wakes it in the store). 1 s by default. */
  recheckMs?: number;
}

/**
 * The engine's `workflows` port (type="workflow" nodes) over the workflow runtime: start is
 * startWorkflow (idempotent by the node's id); finished drives the instance in this process
 * whenever it is runnable and no worker holds it (runInstance), and otherwise looks again after
 * `recheckMs`, so the node finishes whether or not a worker runs beside the pipeline.
 */
export function nodeWorkflows(options: NodeWorkflowsOptions): RunWorkflows {
  const { deps, definitions } = options;
  const recheckMs = options.recheckMs ?? 1_000;
  const definition = (name: string): WorkflowDefinition<unknown, unknown> => {
    const found = definitions(name);
    if (found) return found;
    throw new OrchestraError(ErrorCode.WORKFLOW_NOT_FOUND, `there is no workflow "${name}"`, { hint: 'Check the name, and that its file is in the project\'s workflows/ folder (`orchestra workflow check`).' });
  };
  return {
    async start(request) {
      await startWorkflow(deps, definition(request.name), request.input, { id: request.id, ...options.pin?.(request.name) });
    },
    async finished(id, signal) {
      for (;;) {
        signal.throwIfAborted();
        const instance = await require(deps, id);
        if (isFinished(instance.status)) return outcomeOf(instance);
        if (instance.status === 'running') {
          const ran = await runInstance(deps, definition(instance.name), id);
          if (ran.instance && isFinished(ran.instance.status)) return outcomeOf(ran.instance);
          if (ran.status === 'running') continue;
        }
        await deps.clock.sleep(recheckMs, signal);
      }
    },
  };
}

async function require(deps: WorkflowDeps, id: string): Promise<WorkflowInstance> {
  const instance = await deps.store.getWorkflow(deps.scope, id);
  if (!instance) throw new OrchestraError(ErrorCode.WORKFLOW_NOT_FOUND, `workflow instance "${id}" does not exist`);
  return instance;
}

function outcomeOf(instance: WorkflowInstance): NodeWorkflowOutcome {
  if (instance.status === 'completed') return { status: 'completed', result: instance.result ?? null };
  if (instance.status === 'failed') return { status: 'failed', error: { code: instance.error?.code ?? ErrorCode.WORKFLOW_FAILED, message: instance.error?.message ?? 'failed' } };
  return { status: 'cancelled' };
}
