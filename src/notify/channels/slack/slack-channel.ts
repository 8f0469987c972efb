import { IncomingWebhook, IncomingWebhookHTTPError, IncomingWebhookRequestError } from '@slack/webhook';
import type { SlackChannelConfig } from '../../../config/notifications-types.js';
import type { Channel, SendContext } from '../../channel.js';
import { describeCause, NotifyError, requireEnv } from '../../errors.js';
import type { HumanTaskNotice } from '../../notice.js';
import { slackMessage } from './slack-message.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Slack through an incoming webhook (the official @slack/webhook client, no retries of its own: the outbox retries). */
export function createSlackChannel(config: SlackChannelConfig, env: Env, timeoutMs: number): Channel {
  const url = env[config.urlEnv];
  return {
    name: config.name,
    type: 'slack',
    secrets: url ? [url] : [],
    async send(notice: HumanTaskNotice, _context: SendContext): Promise<void> {
      const webhook = new IncomingWebhook(requireEnv(env, config.urlEnv, config.name, 'the Slack incoming-webhook URL'), { timeout: timeoutMs });
      try {
        await webhook.send(slackMessage(notice));
      } catch (error) {
        throw slackFailure(config.name, error);
      }
    },
  };
}

function slackFailure(channel: string, error: unknown): NotifyError {
  if (error instanceof IncomingWebhookHTTPError) {
    // 4xx is Slack saying no (a revoked hook, a bad payload): retrying will not change it; 429 and 5xx may pass later.
    const retryable = error.statusCode === 429 || error.statusCode >= 500;
    return new NotifyError(`channel "${channel}": Slack answered HTTP ${error.statusCode}: ${error.body.slice(0, 200)}`, { retryable, cause: error });
  }
  const reason = error instanceof IncomingWebhookRequestError ? describeCause(error.original) : describeCause(error);
  return new NotifyError(`channel "${channel}": Slack could not be reached: ${reason}`, { retryable: true, cause: error });
}
