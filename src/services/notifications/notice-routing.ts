import { z } from 'zod';
import type { ResolvedPeople } from '../../config/index.js';
import { NotificationEvents, type ChannelConfig, type RouteRule } from '../../config/notifications-types.js';
import { channelTargetSchema } from '../../notify/index.js';

/**
 * How a task's notices are routed (issue 10, docs/notifications.md "One routing per task"): the
 * rules, the channels they name and the people to reach, from the orchestra.yaml the task was
 * created under. The store pins it with the task, so the daemon's escalations and an answer given
 * from another directory route the task's notices the same way. No secrets: channels name the
 * variables that hold them.
 */
export interface NoticeRouting {
  routes: readonly RouteRule[];
  channels: Readonly<Record<string, ChannelConfig>>;
  people: Pick<ResolvedPeople, 'users' | 'groups'>;
}

const routingSchema = z.object({
  routes: z.array(z.object({ events: z.array(z.enum(NotificationEvents)), groups: z.array(z.string()).optional(), channels: z.array(z.string()) })),
  channels: z.record(z.string(), channelTargetSchema),
  people: z.object({
    users: z.record(z.string(), z.object({ id: z.string(), name: z.string().optional(), email: z.string().optional(), slackId: z.string().optional() })),
    groups: z.record(z.string(), z.array(z.string())),
  }),
});

/** A stored routing back, or an Error saying what is wrong with it. */
export function parseRouting(value: unknown): NoticeRouting | Error {
  const parsed = routingSchema.safeParse(value);
  if (parsed.success) return parsed.data as NoticeRouting;
  const [issue] = parsed.error.issues;
  return new Error(`the stored notice routing is not valid: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
}

/** People as notices need them: everyone named in `people:`, as recipients. */
export function asPeople(people: NoticeRouting['people']): ResolvedPeople {
  return { configured: true, users: people.users, groups: people.groups, admins: [] };
}
