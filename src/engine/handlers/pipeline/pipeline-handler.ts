import { isAbsolute, join, resolve } from 'node:path';
import type { Outcome } from '../../../core/outcome.js';
import type { ChildRunHandle, HandlerInput } from '../../handler.js';
import type { BuiltInHandler } from '../built-in-handler.js';
import { mapInputs, mapOutputs } from './map-context.js';
import { resolvePipelineOptions, type PipelineOptions } from './pipeline-options.js';

/**
 * A composed pipeline (seed 003): `type="pipeline"` runs the DOT file named by `pipeline`
 * (relative to this pipeline's directory) as a child run in `{stage}/child/` (`child-N/` for
 * attempt N > 1). `pipeline.inputs` maps the parent context in, `pipeline.outputs` maps the child's
 * final context out; the child's final status is the node's.
 */
export function createPipelineHandler(): BuiltInHandler {
  return {
    async execute(input: HandlerInput): Promise<Outcome> {
      const { node, run } = input;
      let options: PipelineOptions;
      try {
        options = resolvePipelineOptions(node);
      } catch (error) {
        return { status: 'fail', failureReason: (error as Error).message };
      }
      if (options.file === '') return { status: 'fail', failureReason: `Pipeline node "${node.id}" has no pipeline attribute naming the DOT file to run` };
      const mapped = mapInputs(input, options.inputs);
      if (!mapped.ok) return { status: 'fail', failureReason: mapped.problem };
      const file = isAbsolute(options.file) ? options.file : resolve(run.baseDir, options.file);

      let handle: ChildRunHandle;
      try {
        handle = await input.services.startChildRun({
          file,
          logsRoot: join(input.stageDir, input.attempt > 1 ? `child-${input.attempt}` : 'child'),
          workdir: undefined,
          variables: mapped.variables,
          context: mapped.context,
          signal: input.signal,
          ...(run.workspace && { workspace: run.workspace }),
        });
      } catch (error) {
        if (input.signal.aborted) throw input.signal.reason;
        return { status: 'fail', failureReason: `Pipeline node "${node.id}" could not start ${options.file}: ${(error as Error).message}` };
      }
      const result = await handle.result;
      if (input.signal.aborted) throw input.signal.reason;

      const { updates, missing } = mapOutputs(result.context ?? {}, options.outputs);
      for (const { target, source } of missing) {
        await input.services.emit({ type: 'log', level: 'warn', node: node.id, message: `Pipeline node "${node.id}": the child run ${handle.runId} ended without "${source}" in its context, so "${target}" was not set` });
      }
      const contextUpdates = { ...updates, 'pipeline.child_run_id': handle.runId };
      if (result.status === 'fail') {
        const why = result.error ? `: ${result.error}` : '';
        return { status: 'fail', failureReason: `Child pipeline ${options.file} (run ${handle.runId}) failed${why}`, contextUpdates };
      }
      return { status: result.status, notes: `Child pipeline ${options.file} (run ${handle.runId}) ended with ${result.status}`, contextUpdates };
    },
  };
}
