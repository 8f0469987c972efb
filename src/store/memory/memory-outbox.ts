import type { Delivery, DeliveryClaim, DeliveryFailure, DeliveryFilter, NewDelivery, OutboxStore } from '../outbox.js';
import { canSettle, compareDue, compareNewestFirst, deliveryExistsError, isClaimable, targetJson, validateClaim, validateFailure, validateNewDelivery, validateRouting } from '../outbox-rules.js';

/**
 * The outbox in memory, under the same rules as SQLite (outbox-rules.ts). Payloads are kept as
 * JSON and parsed on the way out, so callers never share objects with it.
 */
export class MemoryOutbox implements OutboxStore {
  private readonly rows = new Map<string, { delivery: Delivery; json: string; target: string | null }>();
  /** `tenant\0task` → the pinned routing as JSON. */
  private readonly routings = new Map<string, string>();

  constructor(private readonly guard: <T>(work: () => T) => Promise<T>) {}

  enqueueDelivery(delivery: NewDelivery): Promise<void> {
    return this.guard(() => {
      const json = validateNewDelivery(delivery);
      if (this.rows.has(delivery.id)) throw deliveryExistsError(delivery.id);
      const { id, tenant, channel, event, taskId, createdAt } = delivery;
      this.rows.set(id, { json, target: targetJson(delivery), delivery: { id, tenant, channel, event, taskId, createdAt, payload: undefined, status: 'pending', attempts: 0, nextAttemptAt: createdAt } });
    });
  }

  claimDeliveries(claim: DeliveryClaim): Promise<Delivery[]> {
    return this.guard(() => {
      validateClaim(claim);
      const due = [...this.rows.values()].filter((row) => isClaimable(row.delivery, claim.now));
      const chosen = due.sort((a, b) => compareDue(a.delivery, b.delivery)).slice(0, claim.limit);
      for (const row of chosen) {
        row.delivery = { ...row.delivery, attempts: row.delivery.attempts + 1, leaseOwner: claim.owner, leaseExpiresAt: claim.now + claim.leaseMs };
      }
      return chosen.map((row) => this.copy(row));
    });
  }

  markDelivered(id: string, owner: string, at: number): Promise<boolean> {
    return this.guard(() => this.settle(id, owner, (delivery) => ({ ...unleased(delivery), status: 'delivered', deliveredAt: at, lastAttemptAt: at })));
  }

  markFailed(id: string, owner: string, failure: DeliveryFailure): Promise<boolean> {
    return this.guard(() => {
      validateFailure(id, failure);
      return this.settle(id, owner, (delivery) => ({
        ...unleased(delivery),
        status: failure.retryAt === undefined ? 'dead' : 'failed',
        lastError: failure.error,
        lastAttemptAt: failure.at,
        ...(failure.retryAt !== undefined && { nextAttemptAt: failure.retryAt }),
      }));
    });
  }

  listDeliveries(tenant: string, filter: DeliveryFilter = {}): Promise<Delivery[]> {
    return this.guard(() => {
      const rows = [...this.rows.values()].filter(
        ({ delivery }) => delivery.tenant === tenant && (filter.statuses === undefined || filter.statuses.includes(delivery.status)) && (filter.taskId === undefined || delivery.taskId === filter.taskId),
      );
      const sorted = rows.sort((a, b) => compareNewestFirst(a.delivery, b.delivery));
      return (filter.limit === undefined ? sorted : sorted.slice(0, Math.max(0, filter.limit))).map((row) => this.copy(row));
    });
  }

  pinNoticeRouting(tenant: string, taskId: string, routing: unknown, at: number): Promise<void> {
    return this.guard(() => {
      const json = validateRouting(tenant, taskId, routing, at);
      const key = `${tenant}\0${taskId}`;
      if (!this.routings.has(key)) this.routings.set(key, json);
    });
  }

  getNoticeRouting(tenant: string, taskId: string): Promise<unknown> {
    return this.guard(() => {
      const json = this.routings.get(`${tenant}\0${taskId}`);
      return json === undefined ? undefined : (JSON.parse(json) as unknown);
    });
  }

  private settle(id: string, owner: string, change: (delivery: Delivery) => Delivery): boolean {
    const row = this.rows.get(id);
    if (!row || !canSettle(row.delivery, owner)) return false;
    row.delivery = change(row.delivery);
    return true;
  }

  private copy(row: { delivery: Delivery; json: string; target: string | null }): Delivery {
    return { ...row.delivery, payload: JSON.parse(row.json) as unknown, ...(row.target !== null && { target: JSON.parse(row.target) as unknown }) };
  }
}

function unleased(delivery: Delivery): Delivery {
  const { leaseOwner: _owner, leaseExpiresAt: _expires, nextAttemptAt: _next, ...rest } = delivery;
  return rest;
}
