import { describe, expect, it } from 'vitest';
import type { QuestionOption } from '../../../../humans/interviewer.js';
import { readReply, type ChatReply } from './chat-reply.js';

const options: QuestionOption[] = [
  { key: 'A', label: 'Approve', id: 'exit' },
  { key: 'R', label: 'Review again', id: 'fan_out' },
];

describe('readReply', () => {
  const cases: Array<[string, string, string | undefined, readonly QuestionOption[], ChatReply]> = [
    ['a message goes to the model', '  Make it shorter ', undefined, options, { text: 'Make it shorter', end: false }],
    ['/done ends the chat', '/done', undefined, options, { text: '', end: true }],
    ['/DONE in any case', '/DONE', undefined, [], { text: '', end: true }],
    ['/A ends it with the option of that key', '/A', undefined, options, { text: '', end: true, choice: 'exit' }],
    ['/approve matches the label', '/approve', undefined, options, { text: '', end: true, choice: 'exit' }],
    ['/fan_out matches the edge target', '/fan_out', undefined, options, { text: '', end: true, choice: 'fan_out' }],
    ['an unknown /word is a message', '/tmp/notes.md', undefined, options, { text: '/tmp/notes.md', end: false }],
    ['an explicit choice ends it and keeps the message', 'Ship it', 'exit', options, { text: 'Ship it', end: true, choice: 'exit' }],
    ['an explicit choice wins over /done', '/done', 'fan_out', options, { text: '', end: true, choice: 'fan_out' }],
    ['a choice that names no option is ignored', 'Hello', 'nowhere', options, { text: 'Hello', end: false }],
    ['an empty choice is no choice', 'Hello', '', options, { text: 'Hello', end: false }],
    ['without options /A is a message', '/A', undefined, [], { text: '/A', end: false }],
  ];
  it.each(cases)('issue 10: %s', (_name, message, choice, offered, expected) => {
    expect(readReply(message, choice, offered)).toEqual(expected);
  });
});
