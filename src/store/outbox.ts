/**
 * The notification outbox (issue 10): one row per notice and channel, written where the event
 * happens (in the caller's transaction, later) and sent by whichever process claims it. Claims
 * take a lease, so two processes never send the same delivery at the same time; the row is also
 * the delivery log that `orchestra notifications` lists.
 * @since issue 10
 */

/** pending: not sent yet; failed: the last attempt failed and another is due at `nextAttemptAt`; dead: given up. */
export const DeliveryStatuses = ['pending', 'delivered', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof DeliveryStatuses)[number];

export interface NewDelivery {
  id: string;
  /** The tenant the notice belongs to; listing filters by it (a TenantScope later). */
  tenant: string;
  /** A channel name from orchestra.yaml's `notifications.channels`. */
  channel: string;
  /** The notice's event (created, assigned, ...) and task, copied out of `payload` for the log. */
  event: string;
  taskId: string;
  /** The notice itself, as JSON; the notify layer reads it back. */
  payload: unknown;
  /**
   * The channel's settings as the enqueuer resolved them (JSON, never a secret: only the names of
   * the variables that hold one), so any process sends it where it was routed, whatever config that
   * process read. Absent: the sender looks the channel up by name in its own config.
   */
  target?: unknown;
  createdAt: number;
}

export interface Delivery extends NewDelivery {
  status: DeliveryStatus;
  /** Claims so far (a claim counts as an attempt, so a crash while sending counts too). */
  attempts: number;
  /** When a pending or failed delivery may next be claimed; absent once delivered or dead. */
  nextAttemptAt?: number;
  lastAttemptAt?: number;
  lastError?: string;
  deliveredAt?: number;
  /** The process sending it now, and until when the claim holds. */
  leaseOwner?: string;
  leaseExpiresAt?: number;
}

export interface DeliveryClaim {
  owner: string;
  now: number;
  leaseMs: number;
  /** At most this many deliveries, the longest-due first. */
  limit: number;
}

export interface DeliveryFailure {
  error: string;
  at: number;
  /** When to try again; absent: give up (the delivery becomes `dead`). */
  retryAt?: number;
}

export interface DeliveryFilter {
  /** Only these statuses (`--failed` asks for failed and dead). */
  statuses?: readonly DeliveryStatus[];
  /** Only the notices of this human task (issue 12: `GET /notifications?taskId=`). */
  taskId?: string;
  limit?: number;
}

export interface OutboxStore {
  /** Adds a pending delivery, due at once. Ids are unique: a second one with the same id is an error. */
  enqueueDelivery(delivery: NewDelivery): Promise<void>;
  /**
   * Claims due deliveries of every tenant (the sender works for all of them) under a lease of
   * `leaseMs`, in one write transaction: two claimers racing never get the same delivery.
   */
  claimDeliveries(claim: DeliveryClaim): Promise<Delivery[]>;
  /** Records a successful send; false when `owner` no longer holds the claim (nothing changes). */
  markDelivered(id: string, owner: string, at: number): Promise<boolean>;
  /** Records a failed send and when to retry (or not); false when `owner` no longer holds the claim. */
  markFailed(id: string, owner: string, failure: DeliveryFailure): Promise<boolean>;
  /** The tenant's deliveries, newest first. */
  listDeliveries(tenant: string, filter?: DeliveryFilter): Promise<Delivery[]>;
  /**
   * Keeps `routing` (JSON: how the task's notices are routed, without secrets) for the task, unless
   * one is kept already: the first wins, so every later notice of the task routes the same way.
   */
  pinNoticeRouting(tenant: string, taskId: string, routing: unknown, at: number): Promise<void>;
  /** The routing pinned for the task, or undefined. */
  getNoticeRouting(tenant: string, taskId: string): Promise<unknown>;
}
