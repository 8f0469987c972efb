import { generateText, type LanguageModel, type ModelMessage, type ToolSet } from 'ai';
import type { Clock, Random } from '../../core/clock.js';
import { createLanguageModelWithKey } from './create-language-model.js';
import { providerTypeOf } from './provider-types.js';
import type { NodeModelSettings, ModelResolver } from './model-choice.js';
import type { ModelTarget, ProviderType } from './provider-types.js';
import { reasoningProviderOptions, type ProviderOptions } from './reasoning-options.js';
import { formatSdkWarning, silenceSdkWarningConsole } from './sdk-warnings.js';
import { usageOf, type Usage } from './usage.js';
import { withProviderRetries, type RetryContext } from './with-retries.js';

/** The parts of the outside world a model call uses; injected so tests run instantly. */
export interface ModelCallDeps {
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  random: Random;
  onRetry?: RetryContext['onRetry'];
}

/** A model picked for one node, ready to call. */
export interface PreparedModel {
  target: ModelTarget & { type: ProviderType };
  model: LanguageModel;
  providerOptions: ProviderOptions | undefined;
  apiKeyEnv: string | undefined;
}

export function prepareModel(settings: NodeModelSettings, resolve: ModelResolver, env: ModelCallDeps['env']): PreparedModel {
  const resolved = resolve(settings.wish);
  const type = providerTypeOf(resolved);
  const target = { ...resolved, type };
  const { model, key } = createLanguageModelWithKey({ ...target, env });
  return {
    target,
    model,
    providerOptions: reasoningProviderOptions(type, target.provider, settings.reasoningEffort),
    apiKeyEnv: key?.variable,
  };
}

export interface ModelCallInput {
  system?: string;
  messages: ModelMessage[];
  /** Tools without `execute`: the call returns their calls and the caller runs them. */
  tools?: ToolSet;
  signal: AbortSignal;
}

export interface ModelCallResult {
  text: string;
  toolCalls: { toolCallId: string; toolName: string; input: unknown }[];
  /** The assistant messages to append to the conversation. */
  responseMessages: ModelMessage[];
  finishReason: string;
  usage: Usage;
  /** The provider's warnings for this call, one line each (never printed: the caller records them). */
  warnings: string[];
}

/** One model call (one step, no automatic tool execution), with our retries around it. */
export async function callModel(prepared: PreparedModel, input: ModelCallInput, deps: ModelCallDeps): Promise<ModelCallResult> {
  silenceSdkWarningConsole();
  const { target } = prepared;
  const retry: RetryContext = { provider: target.provider, model: target.model, apiKeyEnv: prepared.apiKeyEnv, clock: deps.clock, random: deps.random, signal: input.signal };
  if (deps.onRetry !== undefined) retry.onRetry = deps.onRetry;
  const result = await withProviderRetries(
    () =>
      generateText({
        model: prepared.model,
        system: input.system,
        messages: input.messages,
        tools: input.tools,
        maxRetries: 0,
        abortSignal: input.signal,
        providerOptions: prepared.providerOptions,
      }),
    retry,
  );
  return {
    text: result.text,
    toolCalls: result.toolCalls.map((call) => ({ toolCallId: call.toolCallId, toolName: call.toolName, input: call.input })),
    responseMessages: result.response.messages,
    finishReason: result.finishReason,
    usage: usageOf(target.model, result.usage),
    warnings: (result.warnings ?? []).map((warning) => formatSdkWarning(warning, target.provider, target.model)),
  };
}
