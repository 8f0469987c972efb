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
import { buildNodeContext, withNodeContext } from '../../context-sources/node-context.js';
import { callBackend } from './call-backend.js';
import { readChatSetup } from './interactive/chat-setup.js';
import { runChat } from './interactive/chat-loop.js';

/**
 * The LLM stage (shape box, Attractor §4.5): expands the prompt, writes `prompt.md`, calls the
 * backend, writes `response.md`. A `status.json` the agent wrote during the call wins (decision 18).
 * A backend error is a FAIL, except when it says `retryable: true` or the node was cancelled: those
 * are rethrown so the run loop can retry or stop. A successful call is then judged by the node's
 * checks (seed 003); feedback from checks that failed before goes at the end of the prompt, after
 * the node's context files and URLs (context-sources/). The stage directory is created before a
 * backend that does not create it itself is called, and before checks run. With `interactive=true`
 * the call is a conversation with a person instead (interactive/chat-loop.ts, issue 10).
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
      const expanded = expandPrompt(promptTemplate(node), input.graph, input.context, input.run.variables, node, 'prompt', input.run.workspace?.paths);
      const prompt = withFeedback(withNodeContext(withOutputSection(expanded, await contextFromSection(input)), nodeContext), feedback);
      await writeStageFile(services, stageDir, 'prompt.md', prompt);
      const before = await markAgentStatus(stageDir);
      const request = agentRequestFor(input, prompt);
      if (services.backend.createsStageDir !== true) await input.ensureStageDir();

      let chat;
      try {
        chat = readChatSetup(input.graph, node);
      } catch (error) {
        return { status: 'fail', failureReason: errorMessage(error) };
      }
      // An interactive node converses with a person (issue 10); its last answer is the node's response.
      const called = chat ? await runChat(input, prompt, chat) : await callBackend(input, request);
      const { response } = called;
      let outcome = called.outcome;
      // A chat's outcome carries the person's choice; a status.json from one of its turns does not decide the node.
      try {
        if (!chat) outcome = (await readAgentStatusSince(stageDir, before)) ?? outcome;
      } catch (error) {
        return { status: 'fail', failureReason: errorMessage(error) };
      }
      if (checks.checks.length > 0) await input.ensureStageDir();
      return applyChecks({ input, checks, outcome, task: prompt, response });
    },
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
