import type { Clock } from '../core/clock.js';
import type { OutboxStore } from '../store/outbox.js';
import type { Channel } from './channel.js';
import type { ChannelSource } from './channel-source.js';
import { deliverDue, type DeliverOptions } from './deliver.js';

/**
 * Calls deliverDue until `signal` aborts: at once again while it finds work, else after `pollMs`.
 * For the daemon and `orchestra worker`; resolves (never rejects) when stopped.
 */
export async function runDeliveryLoop(store: OutboxStore, channels: ReadonlyMap<string, Channel> | ChannelSource, clock: Clock, options: DeliverOptions & { signal: AbortSignal; pollMs?: number }): Promise<void> {
  while (!options.signal.aborted) {
    const report = await deliverDue(store, channels, clock, options);
    if (report.claimed > 0) continue;
    try {
      await clock.sleep(options.pollMs ?? 5_000, options.signal);
    } catch {
      return;
    }
  }
}
