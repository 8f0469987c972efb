import type Database from 'better-sqlite3';
import type { Delivery, DeliveryClaim, DeliveryFailure, DeliveryFilter, DeliveryStatus, NewDelivery } from '../outbox.js';
import { deliveryExistsError, targetJson, validateClaim, validateFailure, validateNewDelivery, validateRouting } from '../outbox-rules.js';
import { isConstraintError } from './sqlite-errors.js';

interface OutboxRow {
  id: string;
  tenant: string;
  channel: string;
  event: string;
  task_id: string;
  payload_json: string;
  target_json: string | null;
  created_at: number;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  last_error: string | null;
  delivered_at: number | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
}

// isClaimable and canSettle (outbox-rules.ts) as SQL, so that the rule and the write are one statement.
const claimable = `status IN ('pending', 'failed') AND next_attempt_at <= @now AND (lease_expires_at IS NULL OR lease_expires_at <= @now)`;
const settleable = `id = @id AND lease_owner = @owner AND status IN ('pending', 'failed')`;

/**
 * The SQL of the `outbox` table (issue 10). A claim is one IMMEDIATE transaction that selects the
 * due rows and leases them, so two processes on one file never claim the same delivery.
 */
export class OutboxRows {
  private readonly insert;
  private readonly due;
  private readonly lease;
  private readonly delivered;
  private readonly failed;
  private readonly listed;
  private readonly claimTransaction;
  private readonly pin;
  private readonly routing;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO outbox (id, tenant, channel, event, task_id, payload_json, target_json, created_at, status, attempts, next_attempt_at)
       VALUES (@id, @tenant, @channel, @event, @task_id, @payload_json, @target_json, @created_at, 'pending', 0, @created_at)`,
    );
    this.due = db.prepare<[{ now: number; limit: number }], OutboxRow>(`SELECT * FROM outbox WHERE ${claimable} ORDER BY next_attempt_at, created_at, id LIMIT @limit`);
    this.lease = db.prepare<[{ id: string; owner: string; expires: number }], void>(
      'UPDATE outbox SET attempts = attempts + 1, lease_owner = @owner, lease_expires_at = @expires WHERE id = @id',
    );
    this.delivered = db.prepare<[{ id: string; owner: string; at: number }], void>(
      `UPDATE outbox SET status = 'delivered', delivered_at = @at, last_attempt_at = @at, next_attempt_at = NULL, lease_owner = NULL, lease_expires_at = NULL WHERE ${settleable}`,
    );
    this.failed = db.prepare<[{ id: string; owner: string; at: number; error: string; retry: number | null }], void>(
      `UPDATE outbox SET status = CASE WHEN @retry IS NULL THEN 'dead' ELSE 'failed' END, last_error = @error, last_attempt_at = @at,
         next_attempt_at = @retry, lease_owner = NULL, lease_expires_at = NULL WHERE ${settleable}`,
    );
    // Statuses are a closed list, bound as JSON so that one statement serves every filter.
    this.listed = db.prepare<[{ tenant: string; statuses: string; all: number; task: string | null; limit: number }], OutboxRow>(
      `SELECT * FROM outbox WHERE tenant = @tenant AND (@all = 1 OR status IN (SELECT value FROM json_each(@statuses))) AND (@task IS NULL OR task_id = @task)
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    );
    this.pin = db.prepare<[{ tenant: string; task_id: string; routing_json: string; created_at: number }], void>(
      'INSERT OR IGNORE INTO notice_routing (tenant, task_id, routing_json, created_at) VALUES (@tenant, @task_id, @routing_json, @created_at)',
    );
    this.routing = db.prepare<[string, string], { routing_json: string }>('SELECT routing_json FROM notice_routing WHERE tenant = ? AND task_id = ?');
    this.claimTransaction = db.transaction((claim: DeliveryClaim) => {
      const rows = this.due.all({ now: claim.now, limit: claim.limit });
      const expires = claim.now + claim.leaseMs;
      for (const row of rows) this.lease.run({ id: row.id, owner: claim.owner, expires });
      return rows.map((row) => fromRow({ ...row, attempts: row.attempts + 1, lease_owner: claim.owner, lease_expires_at: expires }));
    });
  }

  enqueue(delivery: NewDelivery): void {
    const payload_json = validateNewDelivery(delivery);
    const { id, tenant, channel, event, taskId, createdAt } = delivery;
    try {
      this.insert.run({ id, tenant, channel, event, task_id: taskId, payload_json, target_json: targetJson(delivery), created_at: createdAt });
    } catch (error) {
      throw isConstraintError(error, 'SQLITE_CONSTRAINT_PRIMARYKEY') ? deliveryExistsError(id) : error;
    }
  }

  claim(claim: DeliveryClaim): Delivery[] {
    validateClaim(claim);
    return this.claimTransaction.immediate(claim);
  }

  markDelivered(id: string, owner: string, at: number): boolean {
    return this.delivered.run({ id, owner, at }).changes === 1;
  }

  markFailed(id: string, owner: string, failure: DeliveryFailure): boolean {
    validateFailure(id, failure);
    return this.failed.run({ id, owner, at: failure.at, error: failure.error, retry: failure.retryAt ?? null }).changes === 1;
  }

  pinRouting(tenant: string, taskId: string, routing: unknown, at: number): void {
    this.pin.run({ tenant, task_id: taskId, routing_json: validateRouting(tenant, taskId, routing, at), created_at: at });
  }

  getRouting(tenant: string, taskId: string): unknown {
    const row = this.routing.get(tenant, taskId);
    return row === undefined ? undefined : (JSON.parse(row.routing_json) as unknown);
  }

  list(tenant: string, filter: DeliveryFilter): Delivery[] {
    const limit = filter.limit === undefined ? -1 : Math.max(0, filter.limit);
    const statuses = JSON.stringify(filter.statuses ?? []);
    return this.listed.all({ tenant, statuses, all: filter.statuses === undefined ? 1 : 0, task: filter.taskId ?? null, limit }).map(fromRow);
  }
}

function fromRow(row: OutboxRow): Delivery {
  return {
    id: row.id,
    tenant: row.tenant,
    channel: row.channel,
    event: row.event,
    taskId: row.task_id,
    payload: JSON.parse(row.payload_json) as unknown,
    ...(row.target_json !== null && { target: JSON.parse(row.target_json) as unknown }),
    createdAt: row.created_at,
    status: row.status,
    attempts: row.attempts,
    ...optional('nextAttemptAt', row.next_attempt_at),
    ...optional('lastAttemptAt', row.last_attempt_at),
    ...optional('lastError', row.last_error),
    ...optional('deliveredAt', row.delivered_at),
    ...optional('leaseOwner', row.lease_owner),
    ...optional('leaseExpiresAt', row.lease_expires_at),
  };
}

function optional<K extends string, V>(key: K, value: V | null): Partial<Record<K, V>> {
  return value === null ? {} : ({ [key]: value } as Record<K, V>);
}
