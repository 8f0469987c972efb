import type { ResolvedConfig } from '../config/index.js';
import { createOutboxNotifier, type TaskAnnouncer } from '../services/notifications/index.js';
import type { OutboxStore } from '../store/outbox.js';
import type { CliIo } from './cli-io.js';

/**
 * How a CLI process announces human-task changes: routed by the config it read (pinned to the task
 * the first time, so the daemon's escalations and later commands from elsewhere route alike), queued
 * in the store's outbox with each channel's settings (the daemon sends them); a failure to queue is
 * a warning on stderr, never an error.
 */
export function cliNotifier(io: Pick<CliIo, 'stderr'>, store: OutboxStore, config: Pick<ResolvedConfig, 'notifications' | 'people'>): TaskAnnouncer {
  const warn = (message: string, fields?: Record<string, unknown>): void => void io.stderr.write(`orchestra: warning: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`);
  const { routes, channels, dueSoon } = config.notifications;
  return createOutboxNotifier({ store, rules: routes, channels, ...(dueSoon && { dueSoon }), people: config.people, pinRouting: true, log: { warn } });
}
