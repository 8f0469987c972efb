import type { Clock } from '../../core/clock.js';
import type { RunEvent, RunEventBody } from '../../core/events.js';
import type { Logger } from '../../core/logger.js';
import type { Store } from '../../store/store.js';
import type { BranchStep, Checkpoint, EventInput, RunPatch, StoredEvent } from '../../store/types.js';

/**
 * Events from inside a parallel branch carry the branch path (`fan/b1`, nested: `fan/b1/inner/c2`).
 * The store keeps the whole event as JSON, so the tag survives; it is not yet in core's RunEvent.
 */
export interface EventTags {
  branch?: string;
}

/**
 * The one way the engine writes events: each write goes to the store first and is announced to
 * `onEvent` only after it committed. Every write is handed to the store at once, in call order:
 * the store applies writes in the order it gets them (the SQLite store commits those of one event
 * loop turn together, group-commit.ts), so seqs follow calls, and a failed write fails alone; a
 * store that does not promise that order (`Store.ordersWrites`) gets each write after the last.
 * Announcements wait for the writes before them, so they follow `seq` order even when parallel
 * branches emit at the same time. A node's records, events, files and checkpoint thus share one
 * transaction when the node did not leave the turn (issue 9); this once queued each write behind
 * the previous one's commit, which took a second transaction per node.
 */
export class EventLog {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly runId: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly onEvent: ((event: RunEvent) => void) | undefined,
  ) {}

  emit(bodies: RunEventBody | RunEventBody[], tags: EventTags = {}): Promise<StoredEvent[]> {
    const inputs = this.toInputs(bodies, tags);
    return this.write(() => this.store.appendEvents(this.runId, inputs));
  }

  /** A finished branch node with its events (issue 8.10): durable in one store transaction, before any is announced. */
  commitBranchStep(step: BranchStep, bodies: RunEventBody[], tags: EventTags): Promise<StoredEvent[]> {
    const inputs = this.toInputs(bodies, tags);
    return this.write(() => this.store.commitBranchSteps(this.runId, [step], inputs));
  }

  /** Checkpoint, run patch and events in one store transaction. */
  commit(checkpoint: Checkpoint, patch: RunPatch, bodies: RunEventBody[]): Promise<StoredEvent[]> {
    const inputs = this.toInputs(bodies, {});
    return this.write(() => this.store.commitCheckpoint(this.runId, checkpoint, patch, inputs));
  }

  /** Resolves once every write made so far has finished (and its events were announced). */
  async drain(): Promise<void> {
    await this.tail;
  }

  /**
   * Hands `store` to the store (at once when it orders writes, else after the write before it) and
   * announces its events once it and every write before it have finished.
   */
  private write(store: () => Promise<StoredEvent[]>): Promise<StoredEvent[]> {
    const stored = this.store.ordersWrites === true ? store() : this.tail.then(store);
    const announced = this.tail.then(() => stored).then((events) => {
      for (const event of events) this.announce(event);
      return events;
    });
    this.tail = announced.catch(() => undefined);
    return announced;
  }

  private toInputs(bodies: RunEventBody | RunEventBody[], tags: EventTags): EventInput[] {
    const at = this.clock.now();
    const list = Array.isArray(bodies) ? bodies : [bodies];
    return list.map((body) => (tags.branch === undefined ? { ...body, at } : { ...body, inBranch: tags.branch, at }));
  }

  private announce(event: RunEvent): void {
    if (!this.onEvent) return;
    try {
      this.onEvent(event);
    } catch (error) {
      // A broken listener must not stop the run; the event is already stored.
      this.logger.warn('onEvent listener threw', { error: String(error), type: event.type, seq: event.seq });
    }
  }
}
