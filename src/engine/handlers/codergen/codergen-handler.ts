import type { AgentResult } from '../../../agents/backend.js';
import type { Outcome } from '../../../core/outcome.js';
import { writeStageFile } from '../stage-file.js';
import { readFeedback, resolveChecks, withFeedback, type ResolvedChecks } from '../../checks/index.js';
import type { HandlerInput } from '../../handler.js';
import type { BuiltInHandler } from '../built-in-handler.js';
import { readAgentStatusSince, markAgentStatus } from './agent-status.js';
import { applyChecks } from './apply-checks.js';
import { expandPrompt, promptTemplate } from './expand-prompt.js';
import { agentRequestFor } from '../agent-request.js';
import { contextFromSection, withOutputSection } from '../upstream/index.js';
import { isOrchestraError } from '../../../core/errors.js';
import { buildNodeContext, withNodeContext } from '../../context-sources/node-context.js';

const lastResponseChars = 200;

/**
 * The LLM stage (shape box, Attractor §4.5): expands the prompt, writes `prompt.md`, calls the
 * backend, writes `response.md`. A `status.json` the agent wrote during the call wins (decision 18).
 * A backend error is a FAIL, except when it says `retryable: true` or the node was cancelled: those
 * are rethrown so the run loop can retry or stop. A successful call is then judged by the node's
 * checks (seed 003); feedback from checks that failed before goes at the end of the prompt, after
 * the node's context files and URLs (context-sources/). The stage directory is created before a
 * backend that does not create it itself is called, and before checks run.
 */
export function createCodergenHandler(): BuiltInHandler {
  return {
    // prompt.md and response.md go through the mirror; the directory is made only when something needs it.
    usesStageDir: false,
    async execute(input: HandlerInput): Promise<Outcome> {
      const { node, services, stageDir } = input;
      let checks: ResolvedChecks;
      try {
        checks = resolveChecks(node);
      } catch (error) {
        return { status: 'fail', failureReason: errorMessage(error) };
      }
      const feedback = checks.checks.length > 0 ? await readFeedback(stageDir) : undefined;
      const nodeContext = await buildNodeContext(input);
      for (const message of nodeContext.warnings) await services.emit({ type: 'log', level: 'warn', message, node: node.id });
      const expanded = expandPrompt(promptTemplate(node), input.graph, input.context, input.run.variables, node);
      const prompt = withFeedback(withNodeContext(withOutputSection(expanded, await contextFromSection(input)), nodeContext), feedback);
      await writeStageFile(services, stageDir, 'prompt.md', prompt);
      const before = await markAgentStatus(stageDir);
      const request = agentRequestFor(input, prompt);
      if (services.backend.createsStageDir !== true) await input.ensureStageDir();

      let outcome: Outcome;
      let response = '';
      try {
        const result = await services.backend.run(request);
        response = (typeof result === 'string' ? result : result.response) ?? '';
        if (typeof result === 'string' || result.response !== undefined) await writeStageFile(services, stageDir, 'response.md', response);
        outcome = toOutcome(node.id, result);
      } catch (error) {
        if (input.signal.aborted || isRetryable(error)) throw error;
        outcome = { status: 'fail', failureReason: `The ${services.backend.name === 'router' ? 'model' : `backend "${services.backend.name}"`} failed: ${backendErrorMessage(error)}` };
      }

      try {
        outcome = (await readAgentStatusSince(stageDir, before)) ?? outcome;
      } catch (error) {
        return { status: 'fail', failureReason: errorMessage(error) };
      }
      if (checks.checks.length > 0) await input.ensureStageDir();
      return applyChecks({ input, checks, outcome, task: prompt, response });
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

/** A backend error with its hint when it has one (which key to set, what to install). */
function backendErrorMessage(error: unknown): string {
  const hint = isOrchestraError(error) ? error.hint : undefined;
  return hint ? `${errorMessage(error).replace(/\.?$/, '.')} ${hint}` : errorMessage(error);
}
