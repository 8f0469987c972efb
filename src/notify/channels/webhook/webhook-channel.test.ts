import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReceiver, type HttpReceiver } from '../../testing/http-receiver.case.js';
import { aNotice, noticeTime } from '../../testing/notice-fixture.case.js';
import { createWebhookChannel } from './webhook-channel.js';
import { verifyWebhookSignature } from './webhook-signature.js';

const secret = 'whsec-0123456789abcdef';
const config = { name: 'audit', type: 'webhook' as const, urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' };
let receiver: HttpReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

type Verify = (headers: Record<string, unknown>, rawBody: string, key: string, nowSeconds: number) => boolean;

// The receiver's side is the snippet docs/notifications.md gives receivers to copy, run as written.
let receiverAccepts: Verify;
const snippetDir = mkdtempSync(join(tmpdir(), 'orchestra-verify-'));
beforeAll(async () => {
  const doc = readFileSync(resolve(import.meta.dirname, '../../../../docs/notifications.md'), 'utf8');
  const snippet = /## Verifying a webhook's signature[\s\S]*?```js\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!snippet) throw new Error('docs/notifications.md has no js snippet under "Verifying a webhook\'s signature"');
  writeFileSync(join(snippetDir, 'verify.mjs'), snippet);
  receiverAccepts = ((await import(pathToFileURL(join(snippetDir, 'verify.mjs')).href)) as { verifyOrchestraSignature: Verify }).verifyOrchestraSignature;
});
afterAll(() => rmSync(snippetDir, { recursive: true, force: true }));

describe('issue 10: the webhook channel, against a local receiver', () => {
  it('issue 10: POSTs the notice as JSON, signed so that the docs snippet verifies body and time', async () => {
    receiver = await startHttpReceiver();
    const channel = createWebhookChannel(config, { HOOK_URL: receiver.url('/orchestra'), HOOK_SECRET: secret }, 5_000);
    await channel.send(aNotice(), { deliveryId: 'd-7', now: noticeTime + 1_500 });
    const [request] = receiver.requests;
    expect(request?.headers).toMatchObject({ 'content-type': 'application/json', 'x-orchestra-event': 'created', 'x-orchestra-delivery': 'd-7', 'x-orchestra-timestamp': String(Math.floor((noticeTime + 1_500) / 1_000)) });
    const body = request?.body ?? '';
    const nowSeconds = Math.floor(noticeTime / 1_000) + 5;
    expect(receiverAccepts(request?.headers ?? {}, body, secret, nowSeconds)).toBe(true);
    expect(verifyWebhookSignature({ secret, signature: String(request?.headers['x-orchestra-signature']), timestamp: String(request?.headers['x-orchestra-timestamp']), body, nowSeconds })).toBe(true);
    expect(receiverAccepts(request?.headers ?? {}, body.replace('high', 'low'), secret, nowSeconds)).toBe(false);
    expect(receiverAccepts(request?.headers ?? {}, body, 'another-secret', nowSeconds)).toBe(false);
    expect(receiverAccepts(request?.headers ?? {}, body, secret, nowSeconds + 600)).toBe(false);
    expect(JSON.parse(body)).toEqual({
      delivery_id: 'd-7',
      event: 'created',
      tenant: 'default',
      occurred_at: '2025-03-01T14:05:00.000Z',
      task: {
        id: 'ht-42',
        title: 'Approve release 1.4',
        description: 'The release notes are in *CHANGES.md*.\nCheck the migration first.',
        priority: 'high',
        status: 'open',
        assignee: { kind: 'group', id: 'release-managers' },
        due_at: '2025-03-01T14:35:00.000Z',
        form: [
          { name: 'decision', label: 'Decision', type: 'select', required: true },
          { name: 'comment', label: 'Comment', type: 'textarea', required: false },
        ],
        created_by: 'run 20250301-ab12 node approve',
      },
      recipients: [{ id: 'ana', name: 'Ana', email: 'ana@example.com', slack_id: 'U024BE7LH' }],
      answer_hint: 'orchestra answer ht-42 decision=…',
    });
    expect(channel.secrets).toEqual([receiver.url('/orchestra'), secret]);
  });

  it.each([
    [400, false],
    [410, false],
    [408, true],
    [503, true],
  ])('issue 10: HTTP %i from the receiver fails the send, retryable: %s', async (status, retryable) => {
    receiver = await startHttpReceiver();
    receiver.respondWith(status, 'nope');
    const channel = createWebhookChannel(config, { HOOK_URL: receiver.url('/x'), HOOK_SECRET: secret }, 5_000);
    await expect(channel.send(aNotice(), { deliveryId: 'd', now: noticeTime })).rejects.toMatchObject({ code: 'E_NOTIFY', retryable, message: `channel "audit": the webhook answered HTTP ${status}: nope` });
  });

  it('issue 10: without its secret the channel sends nothing', async () => {
    receiver = await startHttpReceiver();
    const channel = createWebhookChannel(config, { HOOK_URL: receiver.url('/x') }, 5_000);
    await expect(channel.send(aNotice(), { deliveryId: 'd', now: noticeTime })).rejects.toMatchObject({ retryable: false, message: 'channel "audit": the environment variable HOOK_SECRET (the webhook signing secret) is not set' });
    expect(receiver.requests).toEqual([]);
  });
});
