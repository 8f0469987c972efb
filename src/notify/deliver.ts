import type { Clock, Random } from '../core/clock.js';
import { systemRandom } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { silentLogger } from '../core/logger.js';
import type { Delivery, OutboxStore } from '../store/outbox.js';
import { defaultRetryPolicy, retryDelay, type RetryPolicy } from './backoff.js';
import type { Channel } from './channel.js';
import { channelSourceOf, type ChannelSource } from './channel-source.js';
import { isRetryable, NotifyError } from './errors.js';
import { parseNotice } from './notice.js';
import { redact } from './redact.js';

export interface DeliverOptions {
  /** This process, as the claim's owner (unique per process: host, pid and a random part). */
  owner: string;
  /** How long a claim holds; longer than a send can take, or another process may send it too. */
  leaseMs?: number;
  /** Deliveries claimed per call. */
  limit?: number;
  retry?: RetryPolicy;
  random?: Random;
  logger?: Logger;
  signal?: AbortSignal;
}

export interface DeliveryReport {
  claimed: number;
  delivered: number;
  /** Failed, with another attempt planned. */
  failed: number;
  /** Failed for good: no attempt left, or a failure a retry cannot fix. */
  dead: number;
}

type Outcome = 'delivered' | 'failed' | 'dead' | 'unrecorded';

/**
 * Sends the deliveries that are due, each at most once at a time across processes (the outbox's
 * lease), and records each result with its next attempt. Never throws: a down Slack or SMTP server,
 * a bad channel or a store error is logged (without secrets) and left for the next call.
 */
export async function deliverDue(store: OutboxStore, channels: ReadonlyMap<string, Channel> | ChannelSource, clock: Clock, options: DeliverOptions): Promise<DeliveryReport> {
  const source = channels instanceof Map ? channelSourceOf(channels) : (channels as ChannelSource);
  const logger = options.logger ?? silentLogger;
  const report: DeliveryReport = { claimed: 0, delivered: 0, failed: 0, dead: 0 };
  let claimed: Delivery[];
  try {
    claimed = await store.claimDeliveries({ owner: options.owner, now: clock.now(), leaseMs: options.leaseMs ?? 120_000, limit: options.limit ?? 20 });
  } catch (error) {
    logger.error('notifications: cannot claim deliveries from the outbox', { error: messageOf(error) });
    return report;
  }
  report.claimed = claimed.length;
  const outcomes = await Promise.all(claimed.map((delivery) => deliverOne(store, delivery, source, clock, { ...options, logger })));
  for (const outcome of outcomes) if (outcome !== 'unrecorded') report[outcome] += 1;
  return report;
}

async function deliverOne(store: OutboxStore, delivery: Delivery, channels: ChannelSource, clock: Clock, options: DeliverOptions & { logger: Logger }): Promise<Outcome> {
  const fields = { delivery: delivery.id, channel: delivery.channel, event: delivery.event, task: delivery.taskId, attempt: delivery.attempts };
  let failure: unknown;
  try {
    await sendOne(delivery, channels, clock, options.signal);
  } catch (error) {
    failure = error;
  }
  // Read after sending: the delivery's own target channel is known by now.
  const secrets = channels.secrets();
  const at = clock.now();
  if (failure === undefined) {
    return record(options.logger, fields, 'delivered', () => store.markDelivered(delivery.id, options.owner, at), secrets);
  }
  const error = redact(messageOf(failure), secrets);
  const delay = isRetryable(failure) ? retryDelay(delivery.attempts, options.retry ?? defaultRetryPolicy, options.random ?? systemRandom) : undefined;
  const retryAt = delay === undefined ? undefined : at + delay;
  options.logger.warn(`notifications: delivery to ${delivery.channel} failed${retryAt === undefined ? ', giving up' : ', will retry'}`, { ...fields, error, ...(retryAt !== undefined && { retryAt: new Date(retryAt).toISOString() }) });
  return record(options.logger, fields, retryAt === undefined ? 'dead' : 'failed', () => store.markFailed(delivery.id, options.owner, { error, at, ...(retryAt !== undefined && { retryAt }) }), secrets);
}

async function sendOne(delivery: Delivery, channels: ChannelSource, clock: Clock, signal: AbortSignal | undefined): Promise<void> {
  const channel = channels.channelFor(delivery);
  let notice;
  try {
    notice = parseNotice(delivery.payload);
  } catch (error) {
    throw new NotifyError(messageOf(error), { retryable: false, cause: error });
  }
  await channel.send(notice, { deliveryId: delivery.id, now: clock.now(), ...(signal && { signal }) });
}

/** Writes the outcome; a store error here is logged, and the lease's expiry lets another try later. */
async function record(logger: Logger, fields: Record<string, unknown>, outcome: Exclude<Outcome, 'unrecorded'>, write: () => Promise<boolean>, secrets: readonly string[]): Promise<Outcome> {
  try {
    if (await write()) {
      if (outcome === 'delivered') logger.info(`notifications: delivered to ${String(fields['channel'])}`, fields);
      return outcome;
    }
    logger.warn('notifications: the claim on this delivery lapsed and another process took it; its outcome here is not recorded', fields);
  } catch (error) {
    logger.error('notifications: cannot record a delivery outcome', { ...fields, outcome, error: redact(messageOf(error), secrets) });
  }
  return 'unrecorded';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
