import { join } from 'node:path';
import type { AgentResult } from '../../../agents/backend.js';
import type { Outcome } from '../../../core/outcome.js';
import { writeFileAtomic } from '../../../store/run-dir/write-file-atomic.js';
import type { HandlerInput } from '../../handler.js';
import type { BuiltInHandler } from '../built-in-handler.js';
import { readAgentStatusSince, markAgentStatus } from './agent-status.js';
import { expandPrompt, promptTemplate } from './expand-prompt.js';
import { agentRequestFor } from '../agent-request.js';

const lastResponseChars = 200;

/**
 * The LLM stage (shape box, Attractor §4.5): expands the prompt, writes `prompt.md`, calls the
 * backend, writes `response.md`. A `status.json` the agent wrote during the call wins (decision 18).
 * A backend error is a FAIL, except when it says `retryable: true` or the node was cancelled: those
 * are rethrown so the run loop can retry or stop.
 */
export function createCodergenHandler(): BuiltInHandler {
  return {
    async execute(input: HandlerInput): Promise<Outcome> {
      const { node, services, stageDir } = input;
      const prompt = expandPrompt(promptTemplate(node), input.graph, input.context, input.run.variables);
      await writeFileAtomic(join(stageDir, 'prompt.md'), prompt);
      const before = await markAgentStatus(stageDir);
      const request = agentRequestFor(input, prompt);

      let outcome: Outcome;
      try {
        const result = await services.backend.run(request);
        const response = typeof result === 'string' ? result : result.response;
        if (response !== undefined) await writeFileAtomic(join(stageDir, 'response.md'), response);
        outcome = toOutcome(node.id, result);
      } catch (error) {
        if (input.signal.aborted || isRetryable(error)) throw error;
        outcome = { status: 'fail', failureReason: `Backend "${services.backend.name}" failed: ${errorMessage(error)}` };
      }

      try {
        return (await readAgentStatusSince(stageDir, before)) ?? outcome;
      } catch (error) {
        return { status: 'fail', failureReason: errorMessage(error) };
      }
    },
  };
}

function toOutcome(nodeId: string, result: string | AgentResult): Outcome {
  if (typeof result === 'string') {
    return {
      status: 'success',
      notes: `Stage completed: ${nodeId}`,
      contextUpdates: { last_stage: nodeId, last_response: result.slice(0, lastResponseChars) },
    };
  }
  const defaults: Record<string, unknown> = { last_stage: nodeId };
  if (result.response !== undefined) defaults.last_response = result.response.slice(0, lastResponseChars);
  return { ...result.outcome, contextUpdates: { ...defaults, ...result.outcome.contextUpdates } };
}

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === true;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
