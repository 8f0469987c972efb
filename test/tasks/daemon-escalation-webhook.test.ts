import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signatureHeader, timestampHeader, verifyWebhookSignature } from '../../src/notify/index.js';
import { authenticateLocal } from '../../src/services/auth/local-scope.js';
import { createHumanTask } from '../../src/services/human-tasks/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { TaskProject } from '../support/task-project.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 whose `next()` resolves with the first request, or fails at the deadline. */
async function startReceiver(): Promise<{ server: Server; url: string; next(timeoutMs: number): Promise<Received> }> {
  let deliver!: (received: Received) => void;
  const first = new Promise<Received>((resolve) => (deliver = resolve));
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(200).end('ok');
      deliver({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}/hook`,
    next: (timeoutMs) => {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no webhook within ${timeoutMs} ms`)), timeoutMs)));
      return Promise.race([first, deadline]).finally(() => clearTimeout(timer));
    },
  };
}

let project: TaskProject | undefined;
let server: Server | undefined;
afterEach(async () => {
  await project?.cleanup();
  server?.close();
  project = undefined;
  server = undefined;
});

describe('the daemon sweeps SLAs and delivers notices', () => {
  it('issue 10: a task escalated after 1s reaches a webhook with a valid signature', { timeout: 60_000 }, async () => {
    const receiver = await startReceiver();
    server = receiver.server;
    const secret = 'test-secret-0123456789';
    project = new TaskProject({ env: { ORCHESTRA_HUMAN_POLL_MS: '100', HOOK_URL: receiver.url, HOOK_SECRET: secret } });
    mkdirSync(project.home, { recursive: true, mode: 0o700 });
    writeFileSync(join(project.home, 'config.yaml'), [
      'notifications:',
      '  channels:',
      '    ops-hook: { type: webhook, url_env: HOOK_URL, secret_env: HOOK_SECRET }',
      '  route:',
      '    - { events: [escalated], channels: [inbox] }',
      '',
    ].join('\n'));
    const started = await project.bin(['daemon', 'start']);
    expect(started.code, started.stderr).toBe(0);

    const store = await openSqliteStore(join(project.home, 'orchestra.db'));
    let taskId: string;
    try {
      const ctx = { store, scope: authenticateLocal({ flag: 'default', env: {} }), actor: { id: 'root', groups: [], admin: true }, people: { configured: false, users: {}, groups: {}, admins: [] }, now: () => Date.now() };
      const task = await createHumanTask(ctx, { title: 'Approve the refund', form: { ok: { type: 'boolean', required: true } }, escalation: [{ after: '1s', notify: 'ops-hook', priority: 'urgent' }] });
      taskId = task.id;
    } finally {
      await store.close();
    }

    const received = await receiver.next(20_000);
    const check = { secret, signature: received.headers[signatureHeader] as string | undefined, timestamp: received.headers[timestampHeader] as string | undefined, body: received.body, nowSeconds: Math.floor(Date.now() / 1000) };
    expect(verifyWebhookSignature(check)).toBe(true);
    expect(verifyWebhookSignature({ ...check, secret: 'another-secret' })).toBe(false);
    expect(JSON.parse(received.body)).toMatchObject({ event: 'escalated', tenant: 'default', task: { id: taskId, title: 'Approve the refund', priority: 'urgent' } });
  });
});
