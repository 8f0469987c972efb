import type { QuestionOption } from '../../../../humans/interviewer.js';
import { matchAnswer } from '../../../../humans/match-answer.js';

/** What a person's reply means for the chat: a message for the model, or the end (maybe with a choice). */
export interface ChatReply {
  /** The message, without a command that ended the chat. */
  text: string;
  end: boolean;
  /** The chosen option's id (an edge target) when the reply ended the chat with a choice. */
  choice?: string;
}

export const doneCommand = '/done';

/**
 * Reads a reply, from the terminal or from a chat task's answer: `/done` ends the chat; `/X` ends it
 * with the option X names (key, label or edge target, as a gate matches); an explicit `choice`
 * (the task's select field) ends it with that choice, keeping the message. Anything else, an
 * unknown `/word` too, is a message for the model: the person may be quoting a path.
 */
export function readReply(message: string, choice: string | undefined, options: readonly QuestionOption[]): ChatReply {
  const text = message.trim();
  const chosen = choice === undefined || choice === '' ? undefined : options.find((option) => option.id === choice || option.key === choice);
  if (text.toLowerCase() === doneCommand) return chosen ? { text: '', end: true, choice: optionId(chosen) } : { text: '', end: true };
  const command = /^\/(\S+)$/.exec(text)?.[1];
  const named = command === undefined ? undefined : matchAnswer({ options: [...options] }, command);
  if (named) return { text: '', end: true, choice: optionId(chosen ?? named) };
  if (chosen) return { text, end: true, choice: optionId(chosen) };
  return { text, end: false };
}

function optionId(option: QuestionOption): string {
  return option.id ?? option.key;
}
