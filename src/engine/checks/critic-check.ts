import type { AgentRequest } from '../../agents/backend.js';
import type { GraphNode } from '../../pipeline/graph/model.js';
import type { HandlerInput } from '../handler.js';
import { agentRequestFor } from '../handlers/agent-request.js';
import type { CheckResult } from './check-result.js';
import type { CheckSpec } from './check-spec.js';
import { criticPrompt } from './critic-prompt.js';
import { parseCriticVerdict } from './critic-verdict.js';
import { trimOutput } from './trim-output.js';

export interface CriticCheckInput {
  handler: HandlerInput;
  /** The prompt the agent worked from and its answer. */
  task: string;
  response: string;
  /** `{stage}/checks/critic`: the critic's own stage dir, so its files never mix with the agent's. */
  stageDir: string;
}

/**
 * Asks the node's backend (`check.critic`) whether the work answers the question, with the model
 * tier of `check.critic_model`. A backend error fails the check with its message; a cancelled
 * node rethrows.
 */
export async function runCriticCheck(spec: Extract<CheckSpec, { kind: 'critic' }>, name: string, input: CriticCheckInput): Promise<Omit<CheckResult, 'durationMs'>> {
  const { handler } = input;
  const prompt = criticPrompt({ nodeId: handler.node.id, task: input.task, response: input.response, question: spec.question });
  const request: AgentRequest = {
    ...agentRequestFor(handler, prompt),
    node: withModel(handler.node, spec.model),
    fidelity: 'truncate',
    threadId: undefined,
    preamble: '',
    stageDir: input.stageDir,
    purpose: 'critic',
  };
  let answer: string;
  try {
    const result = await handler.services.backend.run(request);
    answer = typeof result === 'string' ? result : (result.response ?? result.outcome.notes ?? '');
  } catch (error) {
    if (handler.signal.aborted) throw handler.signal.reason;
    const message = error instanceof Error ? error.message : String(error);
    return { name, kind: 'critic', passed: false, summary: `the critic could not answer: ${message}`, output: message };
  }
  const verdict = parseCriticVerdict(answer);
  const firstReason = verdict.reasons.split('\n')[0] ?? '';
  return {
    name,
    kind: 'critic',
    passed: verdict.passed,
    summary: `${verdict.passed ? 'PASS' : 'FAIL'}${firstReason ? `: ${firstReason.slice(0, 200)}` : ''}`,
    ...(verdict.passed ? {} : { output: trimOutput(verdict.reasons) }),
  };
}

/** The node as the backend should see it for the critic: `llm_model` set to the critic's tier or model. */
function withModel(node: GraphNode, model: string): GraphNode {
  const loc = node.attrs['check.critic_model']?.loc ?? node.attrs['check.critic']?.loc ?? node.loc;
  return { ...node, attrs: { ...node.attrs, llm_model: { key: 'llm_model', value: { kind: 'string', value: model }, loc } } };
}
