import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { FeedStore } from '../../store/feed.js';

/** How long the event feed keeps an event: a client resuming from an older Last-Event-ID gets what is left after it. */
export const feedRetentionMs = 30 * 24 * 60 * 60 * 1000;

/**
 * Prunes the event feed once an hour (and once at start), so it does not grow for ever: events older
 * than `retentionMs` go. The feed's ids are never reused (AUTOINCREMENT), so a cursor stays meaningful.
 */
export function startFeedRetention(o: { store: Pick<FeedStore, 'pruneFeed'>; clock: Clock; log: Pick<Logger, 'warn'>; retentionMs?: number; everyMs?: number }): { stop(): void } {
  const prune = (): void => {
    o.store.pruneFeed(o.clock.now() - (o.retentionMs ?? feedRetentionMs)).catch((error: Error) => o.log.warn('pruning the event feed failed; trying again later', { error: error.message }));
  };
  prune();
  const timer = setInterval(prune, o.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
