import { escapeTerminalFields } from '../../core/terminal-text.js';
import type { Delivery } from '../../store/outbox.js';
import type { Palette } from '../output/color.js';
import { formatTimestamp } from '../output/format-time.js';
import { formatTable } from '../output/table.js';

/** A delivery as `notifications --json` prints it: the log's fields, without the notice itself. */
export interface DeliveryView {
  id: string;
  createdAt: number;
  event: string;
  taskId: string;
  channel: string;
  status: Delivery['status'];
  attempts: number;
  nextAttemptAt?: number;
  lastAttemptAt?: number;
  deliveredAt?: number;
  lastError?: string;
}

export function toDeliveryView(delivery: Delivery): DeliveryView {
  const { id, createdAt, event, taskId, channel, status, attempts, nextAttemptAt, lastAttemptAt, deliveredAt, lastError } = delivery;
  return { id, createdAt, event, taskId, channel, status, attempts, nextAttemptAt, lastAttemptAt, deliveredAt, lastError };
}

/** The `orchestra notifications` table, newest first as given. Errors are cut to one short line. */
export function formatDeliveryList(deliveries: readonly DeliveryView[], palette: Palette): string {
  const rows = escapeTerminalFields(deliveries).map((delivery) => [
    formatTimestamp(delivery.createdAt),
    delivery.event,
    delivery.taskId,
    delivery.channel,
    paintStatus(delivery.status, palette),
    String(delivery.attempts),
    delivery.status === 'failed' && delivery.nextAttemptAt !== undefined ? formatTimestamp(delivery.nextAttemptAt).slice(11) : '',
    oneLine(delivery.lastError ?? '', 120),
  ]);
  return formatTable(['TIME', 'EVENT', 'TASK', 'CHANNEL', 'STATUS', 'ATTEMPTS', 'NEXT TRY', 'LAST ERROR'], rows);
}

function paintStatus(status: Delivery['status'], palette: Palette): string {
  if (status === 'delivered') return palette.green(status);
  if (status === 'dead') return palette.red(status);
  return palette.yellow(status);
}

function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
