import { z } from 'zod';
import { tenantOf } from '../../core/tenant-scope.js';
import { noticeSchema } from '../../notify/index.js';
import { DeliveryStatuses, type Delivery } from '../../store/outbox.js';
import { offsetPage } from './offset-page.js';
import { defineOperation } from './operation.js';
import { pageInput, pageOf } from './pagination.js';

/*
 * The notification log over the API (issue 12): the outbox rows of the caller's tenant, one per
 * notice and channel, as `orchestra notifications` lists them. The channel's stored target and the
 * sender's lease stay out: they are the delivery loop's business.
 */

const notificationSchema = z.object({
  id: z.string(),
  channel: z.string().describe('A channel of notifications.channels.'),
  event: z.string().describe('created, assigned, due_soon, escalated, completed, cancelled, …'),
  taskId: z.string().describe('The human task the notice is about.'),
  status: z.enum(DeliveryStatuses),
  attempts: z.number().int(),
  createdAt: z.number(),
  nextAttemptAt: z.number().optional(),
  lastAttemptAt: z.number().optional(),
  lastError: z.string().optional(),
  deliveredAt: z.number().optional(),
  notice: noticeSchema.optional().describe('What was (or will be) sent; absent when the stored payload is not a notice.'),
});

function shown(delivery: Delivery): z.input<typeof notificationSchema> {
  const { id, channel, event, taskId, status, attempts, createdAt, nextAttemptAt, lastAttemptAt, lastError, deliveredAt } = delivery;
  const notice = noticeSchema.safeParse(delivery.payload);
  return { id, channel, event, taskId, status, attempts, createdAt, nextAttemptAt, lastAttemptAt, lastError, deliveredAt, ...(notice.success && { notice: notice.data }) };
}

export const notificationOperations = [
  defineOperation({
    name: 'notifications.list',
    summary: 'List notifications',
    description: "The notices of your tenant's human tasks (created, assigned, due soon, escalated, completed, cancelled), one per channel they were routed to, newest first, with each one's delivery status and last error; `taskId` keeps one human task's, `status` some statuses (failed and dead: the ones that did not get through). Paginated: pass `nextCursor` back as `cursor`.",
    access: 'read',
    input: z.strictObject({ taskId: z.string().min(1).max(200).optional(), status: z.array(z.enum(DeliveryStatuses)).min(1).optional(), ...pageInput }),
    output: pageOf(notificationSchema),
    http: { method: 'get', path: '/notifications' },
    mcp: false,
    handle: async (deps, caller, { taskId, status, ...page }) => {
      const found = await offsetPage(page, (limit) => deps.store.listDeliveries(tenantOf(caller.scope), { ...(taskId !== undefined && { taskId }), ...(status && { statuses: status }), limit }));
      return { ...found, items: found.items.map(shown) };
    },
  }),
] as const;
