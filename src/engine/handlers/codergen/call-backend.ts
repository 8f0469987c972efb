import type { AgentRequest, AgentResult } from '../../../agents/backend.js';
import { isOrchestraError } from '../../../core/errors.js';
import type { Outcome } from '../../../core/outcome.js';
import type { HandlerInput } from '../../handler.js';
import { writeStageFile } from '../stage-file.js';

const lastResponseChars = 200;

/** What one backend call gave: its outcome and response text (empty when it failed). */
export interface BackendCall {
  outcome: Outcome;
  response: string;
}

/**
 * Calls the node's backend once and writes `response.md`. A backend error is a FAIL, except when it
 * says `retryable: true` or the node was cancelled: those are rethrown so the run loop can retry or stop.
 */
export async function callBackend(input: HandlerInput, request: AgentRequest): Promise<BackendCall> {
  const { services, stageDir, node } = input;
  try {
    const result = await services.backend.run(request);
    const response = (typeof result === 'string' ? result : result.response) ?? '';
    if (typeof result === 'string' || result.response !== undefined) await writeStageFile(services, stageDir, 'response.md', response);
    return { outcome: toOutcome(node.id, result), response };
  } catch (error) {
    if (input.signal.aborted || isRetryable(error)) throw error;
    return { outcome: { status: 'fail', failureReason: `The ${services.backend.name === 'router' ? 'model' : `backend "${services.backend.name}"`} failed: ${backendErrorMessage(error)}` }, response: '' };
  }
}

/** The context keys every LLM stage sets: `last_stage`, and `last_response` (its first 200 characters). */
export function responseContext(nodeId: string, response: string | undefined): Record<string, unknown> {
  return { last_stage: nodeId, ...(response !== undefined && { last_response: response.slice(0, lastResponseChars) }) };
}

function toOutcome(nodeId: string, result: string | AgentResult): Outcome {
  if (typeof result === 'string') {
    return { status: 'success', notes: `Stage completed: ${nodeId}`, contextUpdates: responseContext(nodeId, result) };
  }
  return { ...result.outcome, contextUpdates: { ...responseContext(nodeId, result.response), ...result.outcome.contextUpdates } };
}

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === true;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A backend error with its hint when it has one (which key to set, what to install). */
function backendErrorMessage(error: unknown): string {
  const hint = isOrchestraError(error) ? error.hint : undefined;
  return hint ? `${errorMessage(error).replace(/\.?$/, '.')} ${hint}` : errorMessage(error);
}
