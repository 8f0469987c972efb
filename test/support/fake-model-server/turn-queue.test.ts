import { describe, expect, it } from 'vitest';
import { createTurnQueue, DEFAULT_TURN, matchScore } from './turn-queue.js';
import { Endpoint } from './types.js';
import type { RecordedRequest, ScriptOptions } from './types.js';

function request(fields: Partial<RecordedRequest> = {}): RecordedRequest {
  return { method: 'POST', path: '/v1/messages', query: {}, headers: {}, body: {}, bodyLength: 2, stream: false, ...fields };
}

describe('matchScore', () => {
  const req = request({ endpoint: Endpoint.openaiChat, model: 'small' });
  it.each<[string, ScriptOptions, number]>([
    ['no filter', {}, 0],
    ['same endpoint', { endpoint: Endpoint.openaiChat }, 1],
    ['other endpoint', { endpoint: Endpoint.anthropicMessages }, -1],
    ['same model', { model: 'small' }, 2],
    ['other model', { model: 'big' }, -1],
    ['same model and endpoint', { model: 'small', endpoint: Endpoint.openaiChat }, 3],
    ['same model, other endpoint', { model: 'small', endpoint: Endpoint.openaiResponses }, -1],
  ])('%s scores %i', (_name, filter, score) => {
    expect(matchScore(filter, req)).toBe(score);
  });
});

describe('createTurnQueue', () => {
  it('hands out turns in order, then the default text', () => {
    const queue = createTurnQueue();
    queue.push([{ text: 'one' }, { text: 'two' }]);
    expect([queue.take(request()), queue.take(request()), queue.take(request())]).toEqual([{ text: 'one' }, { text: 'two' }, DEFAULT_TURN]);
    expect(DEFAULT_TURN).toEqual({ text: 'ok' });
    expect(queue.size).toBe(0);
  });

  it('prefers a per-model script over the shared queue, whatever the push order', () => {
    const queue = createTurnQueue();
    queue.push([{ text: 'main answer' }]);
    queue.push([{ text: 'A title' }], { model: 'small' });
    expect(queue.take(request({ model: 'small' }))).toEqual({ text: 'A title' });
    expect(queue.take(request({ model: 'big' }))).toEqual({ text: 'main answer' });
  });

  it('keeps per-endpoint turns for their endpoint only', () => {
    const queue = createTurnQueue();
    queue.push([{ text: 'for responses' }], { endpoint: Endpoint.openaiResponses });
    expect(queue.take(request({ endpoint: Endpoint.openaiChat }))).toEqual(DEFAULT_TURN);
    expect(queue.size).toBe(1);
    expect(queue.take(request({ endpoint: Endpoint.openaiResponses }))).toEqual({ text: 'for responses' });
  });

  it('calls a function turn with the request to decide the answer', () => {
    const queue = createTurnQueue();
    queue.push([(req) => ({ text: `you sent ${req.bodyLength} chars to ${req.path}` })]);
    expect(queue.take(request({ bodyLength: 42 }))).toEqual({ text: 'you sent 42 chars to /v1/messages' });
  });

  it('answers unmatched requests from a fallback function without using it up', () => {
    const queue = createTurnQueue((req) => ({ text: `fallback for ${req.model ?? '?'}` }));
    queue.push([{ text: 'scripted' }]);
    expect([queue.take(request({ model: 'a' })), queue.take(request({ model: 'b' })), queue.take(request({ model: 'c' }))]).toEqual([
      { text: 'scripted' },
      { text: 'fallback for b' },
      { text: 'fallback for c' },
    ]);
  });
});
