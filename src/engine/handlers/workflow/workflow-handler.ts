import type { Outcome } from '../../../core/outcome.js';
import { readString } from '../../../pipeline/graph/attr-read.js';
import type { HandlerInput } from '../../handler.js';
import type { BuiltInHandler } from '../built-in-handler.js';
import { nodeWorkflowId, parseWorkflowInput } from './workflow-node.js';

/**
 * `type="workflow"`: starts the code-first workflow named by `workflow` with `input` (JSON) and
 * waits until it finishes; completed is SUCCESS with its result in the context as `<node>.result`,
 * failed or cancelled is FAIL. The instance id comes from the run, node, visit and attempt, so a
 * resumed run finds the instance it started before the crash instead of starting another.
 */
export function createWorkflowHandler(): BuiltInHandler {
  return {
    usesStageDir: false,
    async execute(input: HandlerInput): Promise<Outcome> {
      const { node, run } = input;
      const name = readString(node.attrs, 'workflow')?.trim();
      if (!name) return fail(`Workflow node "${node.id}" has no workflow attribute naming the workflow to start`);
      const parsed = parseWorkflowInput(readString(node.attrs, 'input'));
      if ('problem' in parsed) return fail(`The input of workflow node "${node.id}" ${parsed.problem}`);
      const workflows = input.services.workflows;
      if (!workflows) return fail(`Workflow node "${node.id}" starts workflow "${name}", but this run was started without the workflow runtime, so it cannot start workflows`);
      const id = nodeWorkflowId(run.id, node.id, input.visit ?? '', input.attempt);
      try {
        await workflows.start({ id, runId: run.id, nodeId: node.id, name, input: parsed.value });
      } catch (error) {
        if (input.signal.aborted) throw input.signal.reason;
        return fail(`Workflow node "${node.id}" could not start workflow "${name}": ${(error as Error).message}`);
      }
      await input.services.emit({ type: 'log', level: 'info', node: node.id, message: `started workflow "${name}" as instance ${id}` });
      const outcome = await workflows.finished(id, input.signal);
      const contextUpdates: Record<string, unknown> = { [`${node.id}.workflow_id`]: id };
      if (outcome.status === 'completed') {
        return { status: 'success', notes: `Workflow "${name}" (instance ${id}) completed`, contextUpdates: { ...contextUpdates, [`${node.id}.result`]: outcome.result } };
      }
      const why = outcome.status === 'failed' ? `failed: ${outcome.error.message} [${outcome.error.code}]` : 'was cancelled';
      return { status: 'fail', failureReason: `Workflow "${name}" (instance ${id}) ${why}`, contextUpdates };
    },
  };
}

function fail(failureReason: string): Outcome {
  return { status: 'fail', failureReason };
}
