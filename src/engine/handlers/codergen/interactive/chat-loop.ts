import type { Outcome } from '../../../../core/outcome.js';
import type { ChatEntry } from '../../../../humans/chat/transcript.js';
import type { HandlerInput } from '../../../handler.js';
import { agentRequestFor } from '../../agent-request.js';
import { writeStageFile } from '../../stage-file.js';
import { callBackend, responseContext, type BackendCall } from '../call-backend.js';
import { askPerson } from './chat-ask.js';
import { loadTranscript, recordTurn } from './chat-log.js';
import type { ChatSetup } from './chat-setup.js';
import { nextChatStep, type ChatStep } from './next-step.js';
import { turnPrompt } from './turn-prompt.js';

/**
 * An interactive node's conversation (issue 10): the model answers, the person replies, until the
 * person ends it or `max_turns` (nextChatStep). Each turn is stored before it is shown, and the
 * loop starts from the stored transcript, so a resumed run asks the model only for turns it has
 * not answered yet and takes a reply given while no process ran. The node's outcome is the last
 * model turn's, plus the person's last reply and choice (routed like a gate's choice).
 */
export async function runChat(input: HandlerInput, basePrompt: string, setup: ChatSetup): Promise<BackendCall> {
  const transcript = await loadTranscript(input);
  let last: BackendCall | undefined;
  for (;;) {
    const step = nextChatStep(transcript, setup.maxTurns, input.attempt);
    if (step.kind === 'over') return finish(input, setup, transcript, step, last);
    if (step.kind === 'model') {
      const called = await modelTurn(input, basePrompt, transcript, step.turn);
      // A failed turn ends this attempt; the transcript stays, so a retry answers the same reply.
      if (called.outcome.status === 'fail' || called.outcome.status === 'retry') return called;
      await recordTurn(input, transcript, { role: 'model', turn: step.turn, attempt: input.attempt, text: called.response });
      last = called;
      continue;
    }
    const person = await askPerson(input, setup, transcript, step.turn);
    if ('failure' in person) return { outcome: { status: 'fail', failureReason: person.failure }, response: lastModelText(transcript) };
    await recordTurn(input, transcript, person.entry);
  }
}

async function modelTurn(input: HandlerInput, basePrompt: string, transcript: readonly ChatEntry[], turn: number): Promise<BackendCall> {
  const prompt = turnPrompt(basePrompt, transcript);
  await writeStageFile(input.services, input.stageDir, 'prompt.md', prompt);
  const reply = [...transcript].reverse().find((entry) => entry.role === 'person')?.text;
  const request = { ...agentRequestFor(input, prompt), chat: { turn, ...(reply !== undefined && { reply }) } };
  // From turn 2 the prompt holds the conversation: a shared thread would see it twice.
  if (turn > 1) request.threadId = undefined;
  return callBackend(input, request);
}

function finish(input: HandlerInput, setup: ChatSetup, transcript: readonly ChatEntry[], step: Extract<ChatStep, { kind: 'over' }>, last: BackendCall | undefined): BackendCall {
  const nodeId = input.node.id;
  const response = lastModelText(transcript);
  const base: Outcome = last?.outcome ?? { status: 'success', contextUpdates: responseContext(nodeId, response) };
  const reply = [...transcript].reverse().find((entry) => entry.role === 'person');
  // The last thing the person said (a bare `/done` says nothing).
  const said = [...transcript].reverse().find((entry) => entry.role === 'person' && entry.text !== '');
  const choice = step.kind === 'over' && step.choice !== undefined ? setup.choices.find((candidate) => candidate.target === step.choice) : undefined;
  const turns = transcript.filter((entry) => entry.role === 'model' && entry.attempt === input.attempt).length;
  const how = step.reason === 'max_turns' ? `after max_turns (${setup.maxTurns})` : choice ? `by ${reply?.by ?? 'the person'} choosing [${choice.key}] ${choice.label}` : `by ${reply?.by ?? 'the person'} (/done)`;
  const outcome: Outcome = {
    ...base,
    notes: `Chat ended ${how}, ${turns} model turn${turns === 1 ? '' : 's'}`,
    contextUpdates: {
      ...base.contextUpdates,
      ...responseContext(nodeId, response),
      [`${nodeId}.turns`]: turns,
      ...(said && { [`${nodeId}.reply`]: said.text }),
      ...(choice && { [`${nodeId}.choice`]: choice.label }),
    },
  };
  if (choice) {
    outcome.preferredLabel = choice.label;
    outcome.suggestedNextIds = [choice.target];
  }
  return { outcome, response };
}

function lastModelText(transcript: readonly ChatEntry[]): string {
  return [...transcript].reverse().find((entry) => entry.role === 'model')?.text ?? '';
}
