import { readString } from '../../pipeline/graph/attr-read.js';
import type { GraphNode } from '../../pipeline/graph/model.js';
import type { ModelTarget } from './provider-types.js';
import { parseReasoningEffort, type ReasoningEffort } from './reasoning-options.js';

/** What a node asks for; the stylesheet has already filled these in (digest §16). */
export interface ModelWish {
  llm_model?: string;
  llm_provider?: string;
}

/**
 * Turns a node's wish (a tier such as `smart` or a literal model id, and maybe a provider) into a
 * provider and model. Built from the project's config by the caller; throws a CONFIG error when
 * the wish cannot be met.
 */
export type ModelResolver = (wish: ModelWish) => ModelTarget;

export interface NodeModelSettings {
  wish: ModelWish;
  reasoningEffort: ReasoningEffort | undefined;
}

export function nodeModelSettings(node: GraphNode): NodeModelSettings {
  const wish: ModelWish = {};
  const model = readString(node.attrs, 'llm_model')?.trim();
  const provider = readString(node.attrs, 'llm_provider')?.trim();
  if (model) wish.llm_model = model;
  if (provider) wish.llm_provider = provider;
  return { wish, reasoningEffort: parseReasoningEffort(readString(node.attrs, 'reasoning_effort')) };
}
