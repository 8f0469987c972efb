import type Database from 'better-sqlite3';

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

interface QueuedWrite {
  write: () => unknown;
  durable: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit: the writes issued during one turn of the event loop (a node's record and events,
 * the files it stores, its checkpoint; a hundred parallel branches' steps) commit in one IMMEDIATE
 * transaction at the turn's end (setImmediate), instead of one each. Once the run directory's files
 * went to a worker thread (issue 9) a node rarely leaves the turn it started in, so its writes
 * mostly share one transaction; committing at each microtask checkpoint instead made about eight
 * transactions a node on the chain benchmark. Each write runs in its own savepoint (better-sqlite3
 * nests transactions that way), so a failing write is rolled back and rejected alone. A batch
 * holding a durable write commits with synchronous=FULL, which also makes every earlier commit
 * durable (the WAL is written in order). A write's promise settles only after its batch has
 * committed, so awaiting it still means "stored"; reads and other writes flush first, so they see
 * (and follow) what is queued.
 */
export class GroupCommit {
  private queue: QueuedWrite[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private readonly inTransaction;

  constructor(
    private readonly db: Database.Database,
    private readonly toError: (error: unknown) => unknown,
  ) {
    // Outside a transaction this begins one; inside, it is a savepoint.
    this.inTransaction = db.transaction((work: () => unknown) => work());
  }

  /** Queues `write`; resolves with its result once its batch has committed. */
  submit<T>(write: () => T, durable: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, durable, resolve: resolve as (value: unknown) => void, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits what is queued now. Reads and other writes call it first, so order is kept. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    let settled: Settled[];
    try {
      settled = this.commit(batch);
    } catch (error) {
      // BEGIN or COMMIT failed (a lock held too long, a disk error): nothing in the batch is stored.
      for (const queued of batch) queued.reject(this.toError(error));
      return;
    }
    batch.forEach((queued, i) => {
      const result = settled[i] as Settled;
      if (result.ok) queued.resolve(result.value);
      else queued.reject(this.toError(result.error));
    });
  }

  private commit(batch: QueuedWrite[]): Settled[] {
    const durable = batch.some((queued) => queued.durable);
    // db.pragma, not a statement prepared once: SQLite applies this pragma when it compiles it.
    if (durable) this.db.pragma('synchronous = FULL');
    try {
      return this.inTransaction.immediate(() =>
        batch.map((queued): Settled => {
          try {
            return { ok: true, value: this.inTransaction(queued.write) };
          } catch (error) {
            return { ok: false, error };
          }
        }),
      ) as Settled[];
    } finally {
      if (durable) this.db.pragma('synchronous = NORMAL');
    }
  }
}
