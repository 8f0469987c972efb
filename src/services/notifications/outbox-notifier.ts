import { randomUUID } from 'node:crypto';
import { noPeople, type ResolvedPeople } from '../../config/index.js';
import type { ChannelConfig, DueSoonRule, NotificationEvent, RouteRule } from '../../config/notifications-types.js';
import { isOrchestraError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { EscalationNotice, EscalationNotifier } from '../../humans/sla/index.js';
import { noticeSchema, route } from '../../notify/index.js';
import type { HumanTask } from '../../store/human-task-types.js';
import type { OutboxStore } from '../../store/outbox.js';
import { asPeople, parseRouting, type NoticeRouting } from './notice-routing.js';
import { taskNotice } from './task-notice.js';

export interface OutboxNotifierOptions {
  store: OutboxStore;
  /** `notifications.route` of the resolved config. */
  rules: readonly RouteRule[];
  /** `notifications.channels`: each delivery stores its channel's settings (no secrets) as its target. */
  channels?: Readonly<Record<string, ChannelConfig>>;
  /** `notifications.due_soon`, handed to the tasks created with this notifier. */
  dueSoon?: DueSoonRule;
  people?: ResolvedPeople;
  /**
   * Pin this config's routing to the tasks it announces first (the CLI, which read the project's
   * orchestra.yaml). The daemon does not: it routes by what a task has pinned, else by its own.
   */
  pinRouting?: boolean;
  log?: Pick<Logger, 'warn'>;
  now?: () => number;
}

/** What the human-task services call after a change is stored. */
export interface TaskAnnouncer {
  /** Enqueues the event's notices; never throws (a failure is logged: the change itself stands). */
  announce(task: HumanTask, event: NotificationEvent): Promise<void>;
  /** When a new task's `due_soon` notice goes out (`notifications.due_soon`); default 80% of its SLA. */
  readonly dueSoon?: DueSoonRule;
}

export interface OutboxNotifier extends TaskAnnouncer, EscalationNotifier {
  /** Enqueues one delivery per channel and returns their ids; with `key`, a second call with it adds none. */
  enqueue(task: HumanTask, event: NotificationEvent, options?: { key?: string; channels?: readonly string[] }): Promise<string[]>;
}

/**
 * The notifier over the store's outbox (issue 10): a task and an event become a notice, routed by
 * the task's routing (notice-routing.ts: pinned by the first CLI that announced it, else this
 * notifier's config), one delivery per channel, each with its channel's settings as the target the
 * sender uses; sending is the delivery loop's job.
 * As the SLA's EscalationNotifier, an `escalated` notice also goes to the step's channels, a
 * `reminder` is routed as `due_soon`, and the delivery ids derive from the notice's key, so a
 * notice handed over again after a crash is stored once.
 */
export function createOutboxNotifier(options: OutboxNotifierOptions): OutboxNotifier {
  const now = options.now ?? Date.now;
  const own: NoticeRouting = { routes: options.rules, channels: options.channels ?? {}, people: options.people ?? noPeople };
  const routingFor = async (task: HumanTask): Promise<NoticeRouting> => {
    const pinned = await options.store.getNoticeRouting(task.tenant, task.id);
    if (pinned === undefined && options.pinRouting) {
      await options.store.pinNoticeRouting(task.tenant, task.id, own, now());
      // Read back: of two processes pinning at once, the first one's routing is the task's.
      return routingFor(task);
    }
    if (pinned === undefined) return own;
    const routing = parseRouting(pinned);
    if (!(routing instanceof Error)) return routing;
    options.log?.warn('the notice routing stored with a task is not valid; routing by this process config', { task: task.id, error: routing.message });
    return own;
  };
  const notifier: OutboxNotifier = {
    ...(options.dueSoon && { dueSoon: options.dueSoon }),
    async enqueue(task, event, extra = {}) {
      const routing = await routingFor(task);
      const notice = noticeSchema.parse(taskNotice(task, event, now(), asPeople(routing.people)));
      const channels = new Set([...(extra.channels ?? []), ...route(notice, routing.routes)]);
      const ids: string[] = [];
      for (const channel of channels) {
        const id = extra.key !== undefined ? `${extra.key}:${channel}` : randomUUID();
        const target = Object.hasOwn(routing.channels, channel) ? routing.channels[channel] : undefined;
        const delivery = { id, tenant: notice.tenant, channel, event, taskId: task.id, payload: notice, ...(target && { target }), createdAt: notice.at };
        if (await enqueueOnce(options.store, delivery, extra.key !== undefined)) ids.push(id);
      }
      return ids;
    },
    async announce(task, event) {
      try {
        await notifier.enqueue(task, event);
      } catch (error) {
        options.log?.warn('could not enqueue a human-task notice', { task: task.id, event, error: (error as Error).message });
      }
    },
    async notify(notice: EscalationNotice) {
      const event: NotificationEvent = notice.event === 'reminder' ? 'due_soon' : notice.event;
      const channels = notice.event === 'escalated' ? (notice.channels ?? []) : [];
      await notifier.enqueue(notice.task, event, { key: notice.key, channels });
    },
  };
  return notifier;
}

/** False when `keyed` and the delivery is there already (the same notice handed over again). */
async function enqueueOnce(store: OutboxStore, delivery: Parameters<OutboxStore['enqueueDelivery']>[0], keyed: boolean): Promise<boolean> {
  try {
    await store.enqueueDelivery(delivery);
    return true;
  } catch (error) {
    if (keyed && isOrchestraError(error) && error.message.includes('already exists in the outbox')) return false;
    throw error;
  }
}
