import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The webhook signature (docs/notifications.md): HMAC-SHA256 with the channel's secret over
 * `<timestamp>.<raw body>`, sent as `X-Orchestra-Signature: sha256=<hex>` beside
 * `X-Orchestra-Timestamp: <unix seconds>`. Signing the timestamp lets a receiver refuse replays.
 */
export const signatureHeader = 'x-orchestra-signature';
export const timestampHeader = 'x-orchestra-timestamp';

export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface SignatureCheck {
  secret: string;
  /** The two headers as received (absent ones undefined) and the body's raw bytes as text. */
  signature: string | undefined;
  timestamp: string | undefined;
  body: string;
  /** Now, in unix seconds, and how far the timestamp may be from it. */
  nowSeconds: number;
  toleranceSeconds?: number;
}

/** What a receiver does; Orchestra uses it in its own tests. Compares in constant time. */
export function verifyWebhookSignature(check: SignatureCheck): boolean {
  const timestamp = Number(check.timestamp);
  if (!check.signature || !Number.isInteger(timestamp)) return false;
  if (Math.abs(check.nowSeconds - timestamp) > (check.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhookBody(check.secret, timestamp, check.body));
  const received = Buffer.from(check.signature);
  return expected.length === received.length && timingSafeEqual(expected, received);
}
