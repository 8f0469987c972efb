import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { readApiKey, type ApiKey } from './api-key.js';
import { defaultKeyEnv, providerTypeOf, type ModelTarget, type ProviderType } from './provider-types.js';

export interface CreateModelOptions extends ModelTarget {
  /** The environment keys are read from (the process's, or a test's). */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * An AI SDK language model for one provider and model id. The key is read here, from the env
 * given, so a missing key fails before any request is made.
 */
export function createLanguageModel(options: CreateModelOptions): LanguageModel {
  return createLanguageModelWithKey(options).model;
}

/** The same, also telling which variable the key came from (undefined when none is needed). */
export function createLanguageModelWithKey(options: CreateModelOptions): { model: LanguageModel; key: ApiKey | undefined } {
  const type = providerTypeOf(options);
  const names = options.apiKeyEnv ?? defaultKeyEnv[type];
  const key = names.length === 0 ? undefined : readApiKey(options.env, names, options.provider);
  return { model: modelFor(type, options, key?.value), key };
}

function modelFor(type: ProviderType, options: CreateModelOptions, apiKey: string | undefined): LanguageModel {
  const baseURL = options.baseUrl;
  switch (type) {
    case 'anthropic':
      return createAnthropic({ apiKey, baseURL })(options.model);
    case 'openai':
      return createOpenAI({ apiKey, baseURL })(options.model);
    case 'google':
      return createGoogleGenerativeAI({ apiKey, baseURL })(options.model);
    case 'openai-compatible':
      if (baseURL === undefined) {
        throw new OrchestraError(ErrorCode.CONFIG, `Provider "${options.provider}" is OpenAI-compatible but has no base URL.`, {
          hint: `Set providers.${options.provider}.base_url, as in http://127.0.0.1:11434/v1.`,
        });
      }
      return createOpenAICompatible({ name: options.provider, apiKey, baseURL })(options.model);
  }
}
