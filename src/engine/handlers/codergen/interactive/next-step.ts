import type { ChatEntry } from '../../../../humans/chat/transcript.js';

/** What the chat does next: the model answers, the person replies, or it is over (and why). */
export type ChatStep =
  | { kind: 'model'; turn: number }
  | { kind: 'person'; turn: number }
  | { kind: 'over'; reason: 'done' | 'choice' | 'max_turns'; choice?: string };

/**
 * Is the chat over? A pure decision over the transcript, so a resumed run picks up exactly where
 * the stored turns stop: the model speaks first and after every reply that did not end the chat;
 * the person answers every model turn, until they end it (`/done` or a choice) or the model has
 * answered `maxTurns` times in this attempt. An end from an earlier attempt (the node is retried,
 * say after its checks failed) does not end this one: the model answers again.
 */
export function nextChatStep(transcript: readonly ChatEntry[], maxTurns: number, attempt: number): ChatStep {
  const last = transcript.at(-1);
  const turn = transcript.filter((entry) => entry.role === 'model').length;
  if (last === undefined) return { kind: 'model', turn: 1 };
  if (last.role === 'person') {
    if (last.end === true && last.attempt === attempt) return last.choice === undefined ? { kind: 'over', reason: 'done' } : { kind: 'over', reason: 'choice', choice: last.choice };
    return { kind: 'model', turn: turn + 1 };
  }
  const thisAttempt = transcript.filter((entry) => entry.role === 'model' && entry.attempt === attempt).length;
  if (thisAttempt >= maxTurns) return { kind: 'over', reason: 'max_turns' };
  return { kind: 'person', turn: last.turn };
}
