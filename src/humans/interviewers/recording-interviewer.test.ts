import { describe, expect, it } from 'vitest';
import type { Interviewer, Question } from '../interviewer.js';
import { createQueueInterviewer } from './queue-interviewer.js';
import { createRecordingInterviewer } from './recording-interviewer.js';

const question: Question = { text: 'Ship it?', type: 'yes_no', options: [], stage: 'gate' };

describe('createRecordingInterviewer', () => {
  it('records question and answer pairs in order', async () => {
    const recorder = createRecordingInterviewer(createQueueInterviewer([{ value: 'yes' }, { value: 'no' }]));
    await recorder.ask(question);
    await recorder.ask({ ...question, text: 'Really?' });
    expect(recorder.recordings).toEqual([
      { question, answer: { value: 'yes' } },
      { question: { ...question, text: 'Really?' }, answer: { value: 'no' } },
    ]);
  });

  it('passes the signal through and records nothing when the inner interviewer throws', async () => {
    let seen: AbortSignal | undefined;
    const inner: Interviewer = {
      async ask(_q, signal) {
        seen = signal;
        throw new Error('no person available');
      },
      async inform() {},
    };
    const recorder = createRecordingInterviewer(inner);
    const controller = new AbortController();
    await expect(recorder.ask(question, controller.signal)).rejects.toThrow('no person available');
    expect(seen).toBe(controller.signal);
    expect(recorder.recordings).toEqual([]);
  });

  it('records and forwards inform messages', async () => {
    const informed: string[] = [];
    const inner: Interviewer = { ask: async () => ({ value: 'yes' }), inform: async (m) => void informed.push(m) };
    const recorder = createRecordingInterviewer(inner);
    await recorder.inform('Deploy started', 'deploy');
    expect(recorder.messages).toEqual([{ message: 'Deploy started', stage: 'deploy' }]);
    expect(informed).toEqual(['Deploy started']);
  });
});
