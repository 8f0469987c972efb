import type { ResolvedNotifications } from '../config/notifications-types.js';
import type { Delivery } from '../store/outbox.js';
import type { Channel } from './channel.js';
import { parseChannelTarget } from './channel-target.js';
import { createChannel, createChannels, defaultSendTimeoutMs } from './create-channels.js';
import { NotifyError } from './errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where the sender finds the channel of a delivery. A delivery carries the target its enqueuer
 * routed it to (outbox.ts): that wins, so a notice queued by a CLI that read a project's
 * orchestra.yaml goes where that file says even though this process read another config. Without
 * one (a row queued before targets were stored) the channel is looked up by name.
 */
export interface ChannelSource {
  /** The channel to send `delivery` over; throws a NotifyError (not retryable) when there is none. */
  channelFor(delivery: Pick<Delivery, 'channel' | 'target'>): Channel;
  /** Every secret of the channels known so far: what no log line or stored error may contain. */
  secrets(): string[];
}

/** Channels by name from `config`, and from stored targets with their secrets read from `env`. */
export function createChannelSource(config: ResolvedNotifications, env: Env, timeoutMs = defaultSendTimeoutMs): ChannelSource {
  const byName = createChannels(config, env, timeoutMs);
  // A target names its secrets' variables, so one built channel serves every row with that target.
  const byTarget = new Map<string, Channel>();
  return {
    channelFor(delivery) {
      if (delivery.target === undefined) return configured(byName, delivery.channel);
      const key = JSON.stringify(delivery.target);
      const known = byTarget.get(key);
      if (known) return known;
      const target = parseChannelTarget(delivery.target);
      if (target instanceof Error) throw new NotifyError(`channel "${delivery.channel}": ${target.message}`, { retryable: false, cause: target });
      const channel = createChannel(target, env, timeoutMs);
      byTarget.set(key, channel);
      return channel;
    },
    secrets: () => [...byName.values(), ...byTarget.values()].flatMap((channel) => channel.secrets),
  };
}

/** Channels by name only, as a ChannelSource (tests, and callers that built their channels themselves). */
export function channelSourceOf(channels: ReadonlyMap<string, Channel>): ChannelSource {
  return { channelFor: (delivery) => configured(channels, delivery.channel), secrets: () => [...channels.values()].flatMap((channel) => channel.secrets) };
}

function configured(channels: ReadonlyMap<string, Channel>, name: string): Channel {
  const channel = channels.get(name);
  if (channel) return channel;
  throw new NotifyError(`channel "${name}" is not configured`, { retryable: false, hint: 'It was removed from orchestra.yaml after the notice was queued; add it back to send the next ones.' });
}
