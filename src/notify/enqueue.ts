import { randomUUID } from 'node:crypto';
import type { RouteRule } from '../config/notifications-types.js';
import type { OutboxStore } from '../store/outbox.js';
import { noticeSchema, type HumanTaskNotice } from './notice.js';
import { route } from './route.js';

/**
 * Puts one delivery per routed channel into the outbox and returns their ids; sending happens
 * later, in `deliverDue`, so the caller never waits for Slack or SMTP. A plain store call: the
 * human-task model makes it in the same transaction as the change it announces.
 */
export async function enqueueNotice(store: OutboxStore, notice: HumanTaskNotice, rules: readonly RouteRule[], newId: () => string = randomUUID): Promise<string[]> {
  const checked = noticeSchema.parse(notice);
  const ids: string[] = [];
  for (const channel of route(checked, rules)) {
    const id = newId();
    await store.enqueueDelivery({ id, tenant: checked.tenant, channel, event: checked.event, taskId: checked.task.id, payload: checked, createdAt: checked.at });
    ids.push(id);
  }
  return ids;
}
