import { describe, expect, it } from 'vitest';
import type { Answer, Question } from '../interviewer.js';
import { createAutoApproveInterviewer } from './auto-approve-interviewer.js';

const approve = { key: 'A', label: 'Approve' };
const reject = { key: 'R', label: 'Reject' };

function question(type: Question['type'], options = [approve, reject]): Question {
  return { text: 'Ship it?', type, options, stage: 'gate' };
}

describe('createAutoApproveInterviewer', () => {
  it.each<[string, Question, Answer]>([
    ['yes_no → yes', question('yes_no', []), { value: 'yes' }],
    ['confirmation → yes', question('confirmation', []), { value: 'yes' }],
    ['multiple_choice → first option', question('multiple_choice'), { value: 'A', selectedOption: approve }],
    ['multiple_choice without options → auto-approved', question('multiple_choice', []), { value: 'auto-approved', text: 'auto-approved' }],
    ['freeform → auto-approved', question('freeform', []), { value: 'auto-approved', text: 'auto-approved' }],
    ['issue 10: a chat with choices → it ends with the first', question('chat'), { value: 'A', selectedOption: approve, text: '/A' }],
    ['issue 10: a chat without choices → /done', question('chat', []), { value: '/done', text: '/done' }],
  ])('%s', async (_name, q, expected) => {
    await expect(createAutoApproveInterviewer().ask(q)).resolves.toEqual(expected);
  });

  it('inform says nothing and resolves', async () => {
    await expect(createAutoApproveInterviewer().inform('hello', 'gate')).resolves.toBeUndefined();
  });
});
