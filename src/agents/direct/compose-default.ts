import type { AgentRequest } from '../backend.js';
import { outcomeInstructions } from '../outcome/index.js';

/** A system text and a user prompt for one node. */
export interface ComposedPrompt {
  system?: string;
  prompt: string;
}

export type PromptComposer = (request: AgentRequest) => ComposedPrompt;

/**
 * What the model is sent: the agent's system layers (already composed by the engine, in
 * `request.system`) followed by the outcome rule; the preamble before the node's prompt.
 */
export function composeDefault(request: AgentRequest): ComposedPrompt {
  const prompt = request.preamble.trim() === '' ? request.prompt : `${request.preamble.trim()}\n\n${request.prompt}`;
  // A critic's answer is read as PASS/FAIL by the checks, not as an outcome block.
  const parts = [request.system?.trim(), request.purpose === 'critic' ? undefined : outcomeInstructions].filter((part) => part !== undefined && part !== '');
  return parts.length === 0 ? { prompt } : { system: parts.join('\n\n'), prompt };
}
