import type { ChatEntry } from '../../../../humans/chat/transcript.js';
import { derivedTaskId } from '../../../../humans/tasks/task-id.js';
import { readString } from '../../../../pipeline/graph/attr-read.js';
import type { FormDefinition, JsonObject } from '../../../../store/human-task-types.js';
import type { GateTaskRequest } from '../../../gate-tasks.js';
import type { HandlerInput } from '../../../handler.js';
import type { ChatSetup } from './chat-setup.js';
import { doneCommand } from './chat-reply.js';

export const messageField = 'message';
export const choiceField = 'choice';

/** The chat task of one turn: the same id for the same run, node, visit and turn, so a resumed run finds it again. */
export function chatTaskId(runId: string, nodeId: string, visit: string, turn: number): string {
  return derivedTaskId(['chat', runId, nodeId, visit, turn]);
}

/** A required `message`, and when the node offers choices an optional `choice` that ends the chat. */
export function chatForm(setup: ChatSetup): FormDefinition {
  const form: FormDefinition = {
    [messageField]: { type: 'textarea', label: 'Your reply', required: true, help: `${doneCommand} ends the conversation` },
  };
  if (setup.choices.length > 0) {
    form[choiceField] = { type: 'select', label: 'End the conversation with', help: 'leave out to keep talking', options: setup.choices.map((choice) => ({ value: choice.target, label: choice.label })) };
  }
  return form;
}

/** Turn `turn`'s task (kind chat): the model's last message in the description, the transcript so far in the context. */
export function chatTaskRequest(input: HandlerInput, setup: ChatSetup, transcript: readonly ChatEntry[], turn: number): GateTaskRequest {
  const { node, run } = input;
  const id = chatTaskId(run.id, node.id, input.visit ?? 'v1', turn);
  const label = readString(node.attrs, 'label')?.trim() || node.id;
  const last = [...transcript].reverse().find((entry) => entry.role === 'model');
  const assignee = readString(node.attrs, 'human.assignee')?.trim();
  const ending = setup.choices.length > 0 ? `, or end it with a choice: \`orchestra answer ${id} message="…" choice=<value>\` (${setup.choices.map((c) => `${c.target}: ${c.label}`).join(', ')})` : '';
  const description = [
    `Node \`${node.id}\` of pipeline run \`${run.id}\` is a conversation (turn ${turn} of at most ${setup.maxTurns}). The model said:`,
    '',
    ...(last?.text ?? '').trimEnd().split('\n').map((line) => `> ${line}`),
    '',
    `Reply with \`orchestra answer ${id} message="…"\`; \`message=${doneCommand}\` ends the conversation${ending}.`,
  ].join('\n');
  const context: JsonObject = {
    run: run.id,
    node: node.id,
    turn,
    transcript: transcript.map((entry) => ({ ...entry }) as JsonObject),
    ...(input.graph.attrs['goal'] && { goal: readString(input.graph.attrs, 'goal') ?? '' }),
  };
  return { id, runId: run.id, nodeId: node.id, kind: 'chat', title: `${label}: your turn (${turn})`, description, form: chatForm(setup), context, ...(assignee && { assignee }) };
}
