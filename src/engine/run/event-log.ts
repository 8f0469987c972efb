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

/** One emit: its events and, for a finished branch node, its step. */
interface Emit {
  inputs: EventInput[];
  steps: BranchStep[];
  resolve(events: StoredEvent[]): void;
  reject(error: unknown): void;
}

/** Emits waiting for the write before them to finish; they then go to the store in one call. */
interface EmitGroup {
  emits: Emit[];
}

/**
 * The one way the engine writes events: each write goes to the store first and is announced to
 * `onEvent` only after it committed. Writes are queued so that announcements follow `seq` order
 * even when parallel branches emit at the same time; emits that arrive while a write is in flight
 * are written together by one store call (a hundred branches' node.started become one write).
 */
export class EventLog {
  private tail: Promise<unknown> = Promise.resolve();
  private open: EmitGroup | undefined;

  constructor(
    private readonly store: Store,
    private readonly runId: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly onEvent: ((event: RunEvent) => void) | undefined,
  ) {}

  emit(bodies: RunEventBody | RunEventBody[], tags: EventTags = {}): Promise<StoredEvent[]> {
    return this.join(this.toInputs(bodies, tags), []);
  }

  /**
   * A finished branch node with its events (issue 8.10): durable in one store transaction, written
   * together with the emits and steps of other branches made meanwhile, before any is announced.
   */
  commitBranchStep(step: BranchStep, bodies: RunEventBody[], tags: EventTags): Promise<StoredEvent[]> {
    return this.join(this.toInputs(bodies, tags), [step]);
  }

  private join(inputs: EventInput[], steps: BranchStep[]): Promise<StoredEvent[]> {
    let group = this.open;
    if (!group) {
      const created: EmitGroup = { emits: [] };
      this.open = group = created;
      void this.enqueue(() => {
        if (this.open === created) this.open = undefined;
        return this.writeGroup(created);
      }).catch(() => undefined);
    }
    const joined = group;
    return new Promise((resolve, reject) => joined.emits.push({ inputs, steps, resolve, reject }));
  }

  /** Checkpoint, run patch and events in one store transaction. */
  commit(checkpoint: Checkpoint, patch: RunPatch, bodies: RunEventBody[]): Promise<StoredEvent[]> {
    const inputs = this.toInputs(bodies, {});
    // Emits after this point are stored after the checkpoint, as they were made.
    this.open = undefined;
    return this.enqueue(() => this.store.commitCheckpoint(this.runId, checkpoint, patch, inputs)).then((events) => {
      for (const event of events) this.announce(event);
      return events;
    });
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

  private enqueue<T>(write: () => Promise<T>): Promise<T> {
    const result = this.tail.then(write);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Writes a group in one store call. If that fails, each emit is retried on its own, so that only
   * the one at fault rejects (a store call stores all of its events or none).
   */
  private async writeGroup(group: EmitGroup): Promise<void> {
    try {
      const stored = await this.write(
        group.emits.flatMap((emit) => emit.inputs),
        group.emits.flatMap((emit) => emit.steps),
      );
      let next = 0;
      for (const emit of group.emits) {
        const own = stored.slice(next, (next += emit.inputs.length));
        for (const event of own) this.announce(event);
        emit.resolve(own);
      }
      return;
    } catch (error) {
      if (group.emits.length === 1) return group.emits[0]?.reject(error);
    }
    for (const emit of group.emits) {
      try {
        const own = await this.write(emit.inputs, emit.steps);
        for (const event of own) this.announce(event);
        emit.resolve(own);
      } catch (error) {
        emit.reject(error);
      }
    }
  }

  /** Branch steps make the write durable; plain events need not be. */
  private write(inputs: EventInput[], steps: BranchStep[]): Promise<StoredEvent[]> {
    return steps.length > 0 ? this.store.commitBranchSteps(this.runId, steps, inputs) : this.store.appendEvents(this.runId, inputs);
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
