import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createAbsentInterviewer } from './absent-interviewer.js';

const question = { text: 'Ship it?', type: 'multiple_choice' as const, options: [{ key: 'A', label: 'Approve' }], stage: 'gate' };

describe('createAbsentInterviewer', () => {
  it('issue 10: never answers a question; it ends with the reason its signal aborts with', async () => {
    const controller = new AbortController();
    const asked = createAbsentInterviewer(new PassThrough()).ask(question, controller.signal);
    const settled = await Promise.race([asked.then(() => 'answered', () => 'rejected'), Promise.resolve('pending')]);
    expect(settled).toBe('pending');
    controller.abort(new Error('the gate stopped waiting'));
    await expect(asked).rejects.toThrow('the gate stopped waiting');
  });

  it('issue 10: writes what it is told to its output, with the stage', async () => {
    const output = new PassThrough();
    await createAbsentInterviewer(output).inform('Waiting for human task h1', 'review');
    expect(String(output.read())).toBe('[review] Waiting for human task h1\n');
  });
});
