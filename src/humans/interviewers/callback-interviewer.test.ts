import { describe, expect, it } from 'vitest';
import type { Question } from '../interviewer.js';
import { createCallbackInterviewer } from './callback-interviewer.js';

const question: Question = { text: 'Ship it?', type: 'yes_no', options: [], stage: 'gate' };

describe('createCallbackInterviewer', () => {
  it.each([
    ['a plain answer', () => ({ value: 'no' })],
    ['a promised answer', async () => ({ value: 'no' })],
  ])('returns %s from the callback', async (_name, callback) => {
    await expect(createCallbackInterviewer(callback).ask(question)).resolves.toEqual({ value: 'no' });
  });

  it('gives the callback the question and the signal', async () => {
    const controller = new AbortController();
    const seen: unknown[] = [];
    const interviewer = createCallbackInterviewer((q, signal) => {
      seen.push(q, signal);
      return { value: 'yes' };
    });
    await interviewer.ask(question, controller.signal);
    expect(seen).toEqual([question, controller.signal]);
  });

  it('rejects with the abort reason without calling back when already aborted', async () => {
    let called = false;
    const interviewer = createCallbackInterviewer(() => {
      called = true;
      return { value: 'yes' };
    });
    const controller = new AbortController();
    controller.abort(new Error('run cancelled'));
    await expect(interviewer.ask(question, controller.signal)).rejects.toThrow('run cancelled');
    expect(called).toBe(false);
  });

  it('forwards inform when given a callback, and ignores it otherwise', async () => {
    const messages: string[] = [];
    await createCallbackInterviewer(() => ({ value: 'yes' }), (m, s) => void messages.push(`${s}: ${m}`)).inform('hi', 'gate');
    await createCallbackInterviewer(() => ({ value: 'yes' })).inform('ignored', 'gate');
    expect(messages).toEqual(['gate: hi']);
  });
});
