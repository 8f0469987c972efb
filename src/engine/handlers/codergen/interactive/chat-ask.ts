import type { ChatEntry } from '../../../../humans/chat/transcript.js';
import type { Answer, Question } from '../../../../humans/interviewer.js';
import { readString } from '../../../../pipeline/graph/attr-read.js';
import type { HandlerInput } from '../../../handler.js';
import { askWithTimeout } from '../../wait-human/ask-with-timeout.js';
import { askThroughTask, pending, submitHere, type GateTaskAsk, type GateTaskResult } from '../../wait-human/gate-task-ask.js';
import { readReply } from './chat-reply.js';
import type { ChatSetup } from './chat-setup.js';
import { chatTaskRequest, choiceField, messageField } from './chat-task.js';

/** The person's turn as it goes into the transcript, or why nobody gave one. */
export type PersonTurn = { entry: ChatEntry } | { failure: string };

/**
 * Asks the person for their reply to the model's turn `turn`. With human tasks (every CLI run) the
 * turn is a stored task of kind chat, answerable at the terminal and with `orchestra answer` alike:
 * the first answer wins, the other is withdrawn. Without them only the interviewer is asked.
 */
export async function askPerson(input: HandlerInput, setup: ChatSetup, transcript: readonly ChatEntry[], turn: number): Promise<PersonTurn> {
  const question = chatQuestion(input, setup, transcript, turn);
  const tasks = input.services.humanTasks;
  if (!tasks) return fromInterviewer(input, setup, question, turn);
  const request = chatTaskRequest(input, setup, transcript, turn);
  const ask: GateTaskAsk = { tasks, request, question, choices: setup.choices, timeoutMs: undefined, atTerminal: chatAtTerminal, answerHint: setup.choices.length > 0 ? 'message="…" [choice=<target>]' : 'message="…"' };
  const result = await askThroughTask(input, ask);
  if (result.kind !== 'answered') return { failure: `Chat task ${request.id} of node "${input.node.id}" was ${result.kind === 'timeout' ? 'not answered in time' : result.task.status} before anyone replied.` };
  const answer = result.task.answer ?? {};
  const message = typeof answer[messageField] === 'string' ? answer[messageField] : '';
  const choice = typeof answer[choiceField] === 'string' ? answer[choiceField] : undefined;
  const reply = readReply(message, choice, setup.options);
  return { entry: { role: 'person', turn, attempt: input.attempt, ...reply, ...(result.task.answeredBy !== undefined && { by: result.task.answeredBy }) } };
}

function chatQuestion(input: HandlerInput, setup: ChatSetup, transcript: readonly ChatEntry[], turn: number): Question {
  const label = readString(input.node.attrs, 'label')?.trim() || input.node.id;
  const last = [...transcript].reverse().find((entry) => entry.role === 'model');
  return { type: 'chat', text: `${label} (turn ${turn} of at most ${setup.maxTurns})`, body: last?.text ?? '', options: setup.options, stage: input.node.id };
}

async function fromInterviewer(input: HandlerInput, setup: ChatSetup, question: Question, turn: number): Promise<PersonTurn> {
  const { services, signal } = input;
  const answer = await askWithTimeout(services.interviewer, question, undefined, services.clock, signal);
  if (answer.timedOut || answer.value === 'skipped') return { failure: `Nobody replied to turn ${turn} of the chat at node "${input.node.id}".` };
  const fields = taskAnswerOf(answer);
  const reply = readReply(String(fields[messageField] ?? ''), fields[choiceField] as string | undefined, setup.options);
  return { entry: { role: 'person', turn, attempt: input.attempt, ...reply } };
}

/** The terminal's side of a chat task: one line, sent as the task's answer (validated by its form). */
async function chatAtTerminal(input: HandlerInput, ask: GateTaskAsk, id: string, signal: AbortSignal): Promise<GateTaskResult> {
  for (let tries = 0; tries < 3; tries += 1) {
    const answer = await input.services.interviewer.ask(ask.question, signal);
    if (answer.timedOut || answer.value === 'skipped') {
      await input.services.interviewer.inform(`No reply at the terminal; chat task ${id} stays open for an answer from anywhere else.`, input.node.id);
      return pending();
    }
    const submitted = await submitHere(input, ask.tasks, id, taskAnswerOf(answer), signal);
    if (submitted !== 'ask again') return submitted;
  }
  return pending();
}

/** An interviewer's answer as the chat task's fields: the typed line, and the option auto-approve picked. */
function taskAnswerOf(answer: Answer): Record<string, string> {
  const message = answer.text ?? answer.value;
  const choice = answer.selectedOption?.id ?? answer.selectedOption?.key;
  return { [messageField]: message, ...(choice !== undefined && { [choiceField]: choice }) };
}
