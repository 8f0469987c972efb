import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature, type SignatureCheck } from './webhook-signature.js';

const secret = 'whsec-test-0123456789';
const body = '{"event":"created","task":{"id":"ht-42"}}';
const timestamp = 1_740_837_900;
const signature = signWebhookBody(secret, timestamp, body);
const good: SignatureCheck = { secret, signature, timestamp: String(timestamp), body, nowSeconds: timestamp + 10 };

describe('issue 10: webhook signatures', () => {
  it('issue 10: is HMAC-SHA256 over "<timestamp>.<body>", hex, prefixed sha256=', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signature).toBe(`sha256=${expected}`);
  });

  it.each([
    ['the signed request', {}, true],
    ['a changed body', { body: body.replace('ht-42', 'ht-43') }, false],
    ['another secret', { secret: 'whsec-other' }, false],
    ['a replayed request, 10 minutes later', { nowSeconds: timestamp + 600 }, false],
    ['a timestamp moved forward (replay with a new time)', { timestamp: String(timestamp + 60) }, false],
    ['no signature header', { signature: undefined }, false],
    ['no timestamp header', { timestamp: undefined }, false],
    ['a truncated signature', { signature: signature.slice(0, -2) }, false],
    ['within a custom tolerance', { nowSeconds: timestamp + 20, toleranceSeconds: 30 }, true],
  ] as const)('issue 10: verifies %s: %s', (_label, change, valid) => {
    expect(verifyWebhookSignature({ ...good, ...change })).toBe(valid);
  });
});
