import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from '../http/testing/api-fixture.js';
import { sampleOperations } from '../http/testing/sample-operations.js';
import { mountEvents } from './mount-events.js';

// No commits in this test: the change source only ever times out, so the stream sends heartbeats.
const quiet = { next: (ms: number) => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), Math.min(ms, 50))) };

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture({ operations: sampleOperations, corsOrigins: ['http://localhost:5173'], mounts: [mountEvents({ changes: quiet, heartbeatMs: 50 })] });
});
afterAll(() => api.server.close());

describe('GET /events in the full app (auth, CORS)', () => {
  it('issue 12: an allowed origin gets the stream with its CORS headers, written once, heartbeats flowing', async () => {
    const controller = new AbortController();
    const response = await api.call('/events', { token: 'read-token', headers: { origin: 'http://localhost:5173' }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes(': heartbeat\n\n: heartbeat\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text.startsWith(': heartbeat\n\n: heartbeat\n\n')).toBe(true);
    // The server went on serving: the head was not written twice (which would end the process's stream handling).
    expect((await api.call('/health')).status).toBe(200);
    expect(api.logged.filter((line) => line.message.includes('error'))).toEqual([]);
  });

  it('issue 12: without a token the stream is refused before it starts (401 problem+json)', async () => {
    const response = await api.call('/events', { headers: { origin: 'http://localhost:5173' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
