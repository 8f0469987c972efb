import type { StageStatus } from '../../core/events.js';
import type { JsonObject, JsonValue } from '../../store/human-task-types.js';
import type { WorkflowContext } from '../definition.js';
import { journaledCall, type RetryOption } from './journaled-call.js';
import type { WorkflowAgentRequest } from './ports.js';
import { requirePort } from './require-port.js';
import { runOf } from './workflow-run.js';

export interface AgentOptions {
  prompt: string;
  /** The journal name; `agent` (or the agent's name) when absent. Keep it stable while instances are in flight. */
  name?: string;
  /** A backend (`direct`, `claude`, `codex`, `simulation`…); the config's default when absent. */
  backend?: string;
  /** An agent from orchestra.yaml: its role, persona and model. */
  agent?: string;
  model?: string;
  provider?: string;
  /** Values the prompt layers see (JSON). */
  context?: Record<string, JsonValue>;
  /** Retries of a failed call (thrown, e.g. a network error) before the error is journaled. */
  retry?: RetryOption;
}

/** What agent() returns: the model's answer; the same on every replay. */
export interface AgentCallResult {
  status: StageStatus;
  text: string;
  failureReason?: string;
  /** Context updates from the answer (a final json block's `context_updates`, usage). */
  data: JsonObject;
}

/**
 * One LLM or coding-agent call through the pipeline backends (the worker's `agents` port). Its
 * answer is journaled (kind `agent`): a replay returns it and never calls the model again. A call
 * that throws is retried per `retry`, then journaled as an error that agent() throws as a StepError.
 */
export async function agent(ctx: WorkflowContext, options: AgentOptions): Promise<AgentCallResult> {
  const run = runOf(ctx);
  const name = options.name ?? options.agent ?? 'agent';
  const port = () => requirePort(run, 'agents', 'agent()');
  const call = async (position: number) => {
    const request: WorkflowAgentRequest = {
      id: `wf:${run.workflowId}:${position}`,
      workflowId: run.workflowId,
      name,
      prompt: options.prompt,
      ...(options.backend !== undefined && { backend: options.backend }),
      ...(options.agent !== undefined && { agent: options.agent }),
      ...(options.model !== undefined && { model: options.model }),
      ...(options.provider !== undefined && { provider: options.provider }),
      context: JSON.parse(JSON.stringify(options.context ?? {})) as JsonObject,
    };
    return await port().call(request);
  };
  return journaledCall(run, { kind: 'agent', name }, call, options.retry, port);
}
