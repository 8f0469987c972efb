import type { WebhookChannelConfig } from '../../../config/notifications-types.js';
import type { Channel, SendContext } from '../../channel.js';
import { describeCause, NotifyError, requireEnv } from '../../errors.js';
import type { HumanTaskNotice } from '../../notice.js';
import { webhookBody } from './webhook-body.js';
import { signatureHeader, signWebhookBody, timestampHeader } from './webhook-signature.js';

type Env = Readonly<Record<string, string | undefined>>;

/** A JSON POST signed with HMAC-SHA256 (webhook-signature.ts); any 2xx answer counts as delivered. */
export function createWebhookChannel(config: WebhookChannelConfig, env: Env, timeoutMs: number): Channel {
  const secrets = [env[config.urlEnv], env[config.secretEnv]].filter((value): value is string => Boolean(value));
  return {
    name: config.name,
    type: 'webhook',
    secrets,
    async send(notice: HumanTaskNotice, context: SendContext): Promise<void> {
      const url = requireEnv(env, config.urlEnv, config.name, 'the webhook URL');
      const secret = requireEnv(env, config.secretEnv, config.name, 'the webhook signing secret');
      const body = webhookBody(notice, context.deliveryId);
      const timestamp = Math.floor(context.now / 1_000);
      const signals = [AbortSignal.timeout(timeoutMs), ...(context.signal ? [context.signal] : [])];
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          redirect: 'error',
          signal: AbortSignal.any(signals),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Orchestra-Webhook',
            'x-orchestra-event': notice.event,
            'x-orchestra-delivery': context.deliveryId,
            [timestampHeader]: String(timestamp),
            [signatureHeader]: signWebhookBody(secret, timestamp, body),
          },
          body,
        });
      } catch (error) {
        throw new NotifyError(`channel "${config.name}": the webhook could not be reached: ${describeCause(error)}`, { retryable: true, cause: error });
      }
      const text = await response.text().catch(() => '');
      if (response.ok) return;
      // A 4xx other than timeout and rate limit is the receiver refusing this body: a retry sends the same.
      const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
      throw new NotifyError(`channel "${config.name}": the webhook answered HTTP ${response.status}: ${text.slice(0, 200)}`, { retryable });
    },
  };
}
