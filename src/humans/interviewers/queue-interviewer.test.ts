import { describe, expect, it } from 'vitest';
import type { Answer, Question } from '../interviewer.js';
import { createQueueInterviewer } from './queue-interviewer.js';

const approve = { key: 'A', label: 'Approve' };
const question: Question = { text: 'Ship it?', type: 'multiple_choice', options: [approve, { key: 'R', label: 'Reject' }], stage: 'gate' };

describe('createQueueInterviewer', () => {
  it.each<[string, Array<Answer | string>, Answer]>([
    ['empty queue → skipped', [], { value: 'skipped' }],
    ['an Answer is given as is', [{ value: 'no' }], { value: 'no' }],
    ['a string naming an option selects it', ['approve'], { value: 'A', selectedOption: approve, text: 'approve' }],
    ['a string naming no option is free text', ['looks good'], { value: 'looks good', text: 'looks good' }],
  ])('%s', async (_name, answers, expected) => {
    await expect(createQueueInterviewer(answers).ask(question)).resolves.toEqual(expected);
  });

  it('answers in order, then skips', async () => {
    const interviewer = createQueueInterviewer(['A', { value: 'yes' }]);
    expect(interviewer.remaining).toBe(2);
    expect((await interviewer.ask(question)).value).toBe('A');
    expect((await interviewer.ask(question)).value).toBe('yes');
    expect((await interviewer.ask(question)).value).toBe('skipped');
    expect(interviewer.remaining).toBe(0);
  });

  it('does not change the array it was given', async () => {
    const answers = ['A'];
    await createQueueInterviewer(answers).ask(question);
    expect(answers).toEqual(['A']);
  });
});
