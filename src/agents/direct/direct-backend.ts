import type { ModelMessage } from 'ai';
import type { AgentBackend, AgentRequest, AgentResult } from '../backend.js';
import { callModel, retryLogger, nodeModelSettings, prepareModel, usageContextUpdates, writeUsageFile } from '../llm/index.js';
import { recordSdkWarnings } from '../llm/record-warnings.js';
import { withRetryActivity } from '../llm/retry-activity.js';
import { outcomeFromAnswer } from '../outcome/index.js';
import { resolveModelBackendOptions, type ModelBackendOptions } from './model-backend-options.js';

export type DirectBackendOptions = ModelBackendOptions;

/**
 * `backend=direct`: one model call per node, no tools; nodes of one `full`-fidelity thread share
 * the conversation. The answer becomes the Outcome by the one
 * rule of outcomeFromAnswer; tokens and the cost estimate go to `usage.json` in the stage
 * directory and to the context (`usage.input_tokens`, `usage.output_tokens`, `usage.cost_usd`).
 */
export interface DirectBackend extends AgentBackend {
  run(request: AgentRequest): Promise<AgentResult>;
}

export function createDirectBackend(options: DirectBackendOptions): DirectBackend {
  const { env, clock, random, compose, logger, threads } = resolveModelBackendOptions(options);
  return {
    name: 'direct',
    createsStageDir: true,
    async run(request: AgentRequest): Promise<AgentResult> {
      if (request.signal.aborted) throw request.signal.reason;
      const prepared = prepareModel(nodeModelSettings(request.node), options.resolveModel, env);
      const { system, prompt } = compose(request);
      const onRetry = withRetryActivity(retryLogger(logger, request.node.id, prepared.target.provider), request);
      const messages: ModelMessage[] = [...threads.history(request), { role: 'user', content: prompt }];
      const result = await callModel(prepared, { ...(system === undefined ? {} : { system }), messages, signal: request.signal }, { env, clock, random, onRetry });
      threads.remember(request, [...messages, ...result.responseMessages]);
      await recordSdkWarnings(request, result.warnings);
      await writeUsageFile(request.stageDir, result.usage, prepared.target, 1);
      const answer = outcomeFromAnswer(result.text);
      const contextUpdates = { ...answer.outcome.contextUpdates, ...usageContextUpdates(result.usage, prepared.target.model) };
      return { ...answer, outcome: { ...answer.outcome, contextUpdates } };
    },
  };
}
