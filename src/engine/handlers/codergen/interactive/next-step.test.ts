import { describe, expect, it } from 'vitest';
import type { ChatEntry } from '../../../../humans/chat/transcript.js';
import { nextChatStep, type ChatStep } from './next-step.js';

const model = (turn: number, attempt = 1): ChatEntry => ({ role: 'model', turn, attempt, text: `answer ${turn}` });
const person = (turn: number, extra: Partial<ChatEntry> = {}): ChatEntry => ({ role: 'person', turn, attempt: 1, text: `reply ${turn}`, ...extra });

describe('nextChatStep', () => {
  const cases: Array<[string, ChatEntry[], number, number, ChatStep]> = [
    ['an empty transcript: the model speaks first', [], 3, 1, { kind: 'model', turn: 1 }],
    ['after the model: the person replies to that turn', [model(1)], 3, 1, { kind: 'person', turn: 1 }],
    ['after a plain reply: the model answers the next turn', [model(1), person(1)], 3, 1, { kind: 'model', turn: 2 }],
    ['/done ends it', [model(1), person(1, { end: true })], 3, 1, { kind: 'over', reason: 'done' }],
    ['a choice ends it with that choice', [model(1), person(1, { end: true, choice: 'exit' })], 3, 1, { kind: 'over', reason: 'choice', choice: 'exit' }],
    ['the model has answered max_turns times: over without asking again', [model(1), person(1), model(2)], 2, 1, { kind: 'over', reason: 'max_turns' }],
    ['max_turns=1: one answer and no question', [model(1)], 1, 1, { kind: 'over', reason: 'max_turns' }],
    ['below max_turns the person is still asked', [model(1), person(1), model(2)], 3, 1, { kind: 'person', turn: 2 }],
    ['an end from an earlier attempt: the retry lets the model answer again', [model(1), person(1, { end: true })], 3, 2, { kind: 'model', turn: 2 }],
    ['max_turns counts this attempt only', [model(1), person(1, { end: true }), model(2, 2)], 2, 2, { kind: 'person', turn: 2 }],
  ];
  it.each(cases)('issue 10: %s', (_name, transcript, maxTurns, attempt, expected) => {
    expect(nextChatStep(transcript, maxTurns, attempt)).toEqual(expected);
  });
});
