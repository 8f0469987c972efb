import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../humans/interviewer.js';
import { buildGraph } from '../../testing/build-graph.js';
import { choiceForAnswer, gateChoices, toQuestionOptions, type GateChoice } from './gate-choices.js';

const graph = buildGraph({
  nodes: { gate: { shape: 'hexagon' } },
  edges: [
    ['gate', 'ship', { label: '[A] Approve' }],
    ['gate', 'fix', { label: 'Request changes' }],
    ['gate', 'retry'],
    ['gate', 'abandon', { label: 'R - Reject' }],
  ],
});
const choices = gateChoices(graph, 'gate');
const question = { options: toQuestionOptions(choices) };

describe('decision 5: gateChoices', () => {
  it('offers every outgoing edge with a distinct key, its label or target, and its target', () => {
    expect(choices).toEqual<GateChoice[]>([
      { key: 'A', label: 'Approve', target: 'ship' },
      { key: 'E', label: 'Request changes', target: 'fix' },
      { key: 'T', label: 'retry', target: 'retry' },
      { key: 'R', label: 'Reject', target: 'abandon' },
    ]);
  });

  it('is empty for a node without outgoing edges', () => {
    expect(gateChoices(graph, 'ship')).toEqual([]);
  });
});

describe('decision 5: choiceForAnswer', () => {
  it.each<[string, Answer, string | undefined]>([
    ['selected option', { value: 'ignored', selectedOption: { key: 'R', label: 'Reject' } }, 'abandon'],
    ['value is a key, any case', { value: 'e' }, 'fix'],
    ['value is a label', { value: 'request changes' }, 'fix'],
    ['value is a target id', { value: 'abandon' }, 'abandon'],
    ['text when the value matches nothing', { value: 'custom', text: 'Approve' }, 'ship'],
    ['nothing matches', { value: 'maybe' }, undefined],
    ['skipped matches nothing', { value: 'skipped' }, undefined],
  ])('%s', (_name, answer, target) => {
    expect(choiceForAnswer(choices, question, answer)?.target).toBe(target);
  });
});
