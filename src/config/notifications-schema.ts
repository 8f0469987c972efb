import { z } from 'zod';
import { tryParseDuration } from '../core/duration.js';
import { NotificationEvents } from './notifications-types.js';
import { envName, text } from './schema-parts.js';

/** The `notifications:` section as written (issue 10); resolve-notifications.ts checks the cross references. */

const channelName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be letters, digits, _ . - (starting with a letter or digit)');
const address = text.refine((value) => /^[^\s@<>]+@[^\s@<>]+$|^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/.test(value), 'must be an e-mail address (name@example.com or "Name <name@example.com>")');

const slackChannel = z.strictObject({ type: z.literal('slack'), url_env: envName });

const emailChannel = z.strictObject({
  type: z.literal('email'),
  host: text,
  port: z.int().min(1).max(65_535).optional(),
  secure: z.boolean().optional(),
  from: address,
  to: z.array(address).optional(),
  user_env: envName.optional(),
  password_env: envName.optional(),
});

const webhookChannel = z.strictObject({ type: z.literal('webhook'), url_env: envName, secret_env: envName });

const inboxChannel = z.strictObject({ type: z.literal('inbox') });

export const channelSchema = z.discriminatedUnion('type', [slackChannel, emailChannel, webhookChannel, inboxChannel]);

export const routeSchema = z.strictObject({
  // `due soon` as the issue spells it is the same event as `due_soon`.
  events: z.array(z.preprocess((event) => (event === 'due soon' ? 'due_soon' : event), z.enum(NotificationEvents))).min(1, 'must list at least one event'),
  groups: z.array(text).min(1, 'must list at least one group (or leave groups out: every task)').optional(),
  channels: z.array(channelName).min(1, 'must list at least one channel'),
});

/** `80%` of the way from creation to the due time, or a lead such as `5m` before it. */
const dueSoon = z.string().refine((value) => {
  const percent = /^(\d{1,2})%$/.exec(value.trim());
  if (percent) return Number(percent[1]) >= 1;
  const ms = tryParseDuration(value);
  return ms !== undefined && ms > 0;
}, 'must be a share of the SLA such as 80% (1% to 99%) or a lead time before the due time such as 5m');

export const notificationsSchema = z.strictObject({
  channels: z.record(channelName, channelSchema).optional(),
  route: z.array(routeSchema).optional(),
  due_soon: dueSoon.optional(),
});

export type RawNotifications = z.infer<typeof notificationsSchema>;
