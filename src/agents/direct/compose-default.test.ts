import { describe, expect, it } from 'vitest';
import { outcomeInstructions } from '../outcome/index.js';
import { simNode, simRequest } from '../simulation/sim-test-node.js';
import { composeDefault } from './compose-default.js';

describe('composeDefault', () => {
  it.each<[string, Parameters<typeof simRequest>[1], unknown]>([
    ['just the prompt and the outcome rule', {}, { system: outcomeInstructions, prompt: 'Do the work' }],
    ['the preamble first', { preamble: '- plan: success\n' }, { system: outcomeInstructions, prompt: '- plan: success\n\nDo the work' }],
    ['the agent\'s system layers before the rule', { system: 'You are a reviewer.' }, { system: `You are a reviewer.\n\n${outcomeInstructions}`, prompt: 'Do the work' }],
    ['a critic gets no outcome rule', { purpose: 'critic', system: 'Judge.' }, { system: 'Judge.', prompt: 'Do the work' }],
    ['a critic without system text', { purpose: 'critic' }, { prompt: 'Do the work' }],
  ])('%s', (_name, overrides, expected) => {
    expect(composeDefault(simRequest(simNode('n'), overrides))).toEqual(expected);
  });
});
