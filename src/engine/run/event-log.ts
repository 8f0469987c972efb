import type { Clock } from '../../core/clock.js';
import type { RunEvent, RunEventBody } from '../../core/events.js';
import type { Logger } from '../../core/logger.js';
import type { Store } from '../../store/store.js';
import type { Checkpoint, EventInput, RunPatch, StoredEvent } from '../../store/types.js';

/**
 * Events from inside a parallel branch carry the branch path (`fan/b1`, nested: `fan/b1/inner/c2`).
 * The store keeps the whole event as JSON, so the tag survives; it is not yet in core's RunEvent.
 */
export interface EventTags {
  branch?: string;
}

/**
 * The one way the engine writes events: each write goes to the store first and is announced to
 * `onEvent` only after it committed. Writes are queued so that announcements follow `seq` order
 * even when parallel branches emit at the same time.
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
    return this.enqueue(() => this.store.appendEvents(this.runId, inputs));
  }

  /** Checkpoint, run patch and events in one store transaction. */
  commit(checkpoint: Checkpoint, patch: RunPatch, bodies: RunEventBody[]): Promise<StoredEvent[]> {
    const inputs = this.toInputs(bodies, {});
    return this.enqueue(() => this.store.commitCheckpoint(this.runId, checkpoint, patch, inputs));
  }

  /** Resolves once every write queued so far has finished. */
  async drain(): Promise<void> {
    await this.tail;
  }

  private toInputs(bodies: RunEventBody | RunEventBody[], tags: EventTags): EventInput[] {
    const at = this.clock.now();
    const list = Array.isArray(bodies) ? bodies : [bodies];
    return list.map((body) => (tags.branch === undefined ? { ...body, at } : { ...body, inBranch: tags.branch, at }));
  }

  private enqueue(write: () => Promise<StoredEvent[]>): Promise<StoredEvent[]> {
    const result = this.tail.then(write).then((events) => {
      for (const event of events) this.announce(event);
      return events;
    });
    this.tail = result.catch(() => undefined);
    return result;
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
