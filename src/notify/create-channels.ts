import type { ChannelConfig, ResolvedNotifications } from '../config/notifications-types.js';
import type { Channel } from './channel.js';
import { createEmailChannel } from './channels/email/email-channel.js';
import { createInboxChannel } from './channels/inbox/inbox-channel.js';
import { createSlackChannel } from './channels/slack/slack-channel.js';
import { createWebhookChannel } from './channels/webhook/webhook-channel.js';

type Env = Readonly<Record<string, string | undefined>>;

/** How long one send may take before it counts as failed (and is retried). */
export const defaultSendTimeoutMs = 15_000;

/**
 * The configured channels by name. Secrets are read from `env` here and at send time; a missing
 * one fails that channel's deliveries with a message naming the variable, never the others'.
 */
export function createChannels(config: ResolvedNotifications, env: Env, timeoutMs = defaultSendTimeoutMs): Map<string, Channel> {
  return new Map(Object.values(config.channels).map((channel) => [channel.name, createChannel(channel, env, timeoutMs)]));
}

/** One channel from its settings; secrets are read from `env` when it sends. */
export function createChannel(config: ChannelConfig, env: Env, timeoutMs: number): Channel {
  switch (config.type) {
    case 'slack':
      return createSlackChannel(config, env, timeoutMs);
    case 'email':
      return createEmailChannel(config, env, timeoutMs);
    case 'webhook':
      return createWebhookChannel(config, env, timeoutMs);
    case 'inbox':
      return createInboxChannel(config.name);
  }
}
