import { ErrorCode, isOrchestraError, OrchestraError } from '../../core/errors.js';
import type { JournalEntry, NewJournalEntry, SuspendedCall, WorkflowInstance, WorkflowWait } from '../../store/workflow-types.js';
import type { WorkflowContext } from '../definition.js';
import type { WorkflowDeps } from './deps.js';
import { Cancelled, Diverged, Superseded, Suspend, type Halt } from './halt.js';
import { matchJournal, type DurableCall } from './journal-match.js';

/**
 * Marks a WorkflowRun across copies of this module: a workflow file may import `orchestra` from
 * another copy of the package than the one that runs it (the loader's default alias is dist/), and
 * the context it is handed is still the runner's (its methods are the runner's own).
 */
const runBrand: unique symbol = Symbol.for('orchestra.workflow-run') as never;

/**
 * One replay of one instance: the WorkflowContext the function gets, and the cursor over its
 * journal. Each durable call takes the next position; while positions are in the journal it is
 * answered from there, after that it runs and journals. Calls may overlap (Promise.all of steps):
 * positions are handed out in call order and written in position order (`inTurn`).
 */
export class WorkflowRun implements WorkflowContext {
  readonly [runBrand] = true;
  readonly workflowId: string;
  readonly workflowName: string;
  /** Set once the function must stop (halt.ts); every later durable call stops again. */
  halt: Halt | undefined;
  /** Resolves when the function is parked (a halt other than a cancel): runInstance stops waiting for it then. */
  readonly parked: Promise<Halt>;
  private park!: (halt: Halt) => void;
  private position = 0;
  private written: number;
  /** Where the last run suspended, past the journal's end: replayed like an entry (WorkflowInstance.suspendedAt). */
  private readonly frontier: SuspendedCall | undefined;
  private readonly waiters = new Map<number, { resolve: () => void; reject: (halt: Halt) => void }>();

  constructor(
    readonly deps: WorkflowDeps,
    readonly instance: WorkflowInstance,
    readonly journal: readonly JournalEntry[],
  ) {
    this.workflowId = instance.id;
    this.workflowName = instance.name;
    this.written = journal.length;
    this.frontier = instance.suspendedAt && instance.suspendedAt.position >= journal.length ? instance.suspendedAt : undefined;
    this.parked = new Promise((resolve) => (this.park = resolve));
  }

  /**
   * Runs a durable call's body. A halt other than a cancel parks the function: the call returns a
   * promise that never settles, so no more of its code runs, not even its finally blocks (which
   * are for cleanup when it is cancelled, not for every time it waits). A cancel is thrown, so the
   * function unwinds through them.
   */
  async call<T>(body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (error) {
      if (error === this.halt && !(error instanceof Cancelled)) return new Promise<T>(() => undefined);
      throw error;
    }
  }

  get isReplaying(): boolean {
    return this.position < this.journal.length || (this.frontier !== undefined && this.position <= this.frontier.position);
  }

  /** Positions the function used: all of the journal, when it replayed faithfully. */
  get used(): number {
    return this.position;
  }

  now(): number {
    return this.deps.clock.now();
  }

  /** Takes the next position for `call`: its journal entry when replaying, none when the call is new. */
  next(call: DurableCall): { position: number; entry?: JournalEntry } {
    if (this.halt) throw this.halt;
    const position = this.position++;
    const entry = this.journal[position];
    try {
      // The call the last run waited at must be the same call: else the code changed under the wait.
      if (!entry && position === this.frontier?.position) matchJournal({ ...this.frontier, instanceId: this.workflowId, at: 0 }, call, position, this.workflowName);
      return matchJournal(entry, call, position, this.workflowName) === 'replay' ? { position, entry } : { position };
    } catch (error) {
      throw this.stop(new Diverged(error as OrchestraError));
    }
  }

  /** The entry at the next position without taking it (patched() takes it only when it is its marker). */
  peek(): Pick<JournalEntry, 'kind' | 'name'> | undefined {
    if (this.halt) throw this.halt;
    return this.journal[this.position] ?? (this.position === this.frontier?.position ? this.frontier : undefined);
  }

  /**
   * Before a new call does anything: stops if the instance was cancelled (its finally blocks then
   * run), or if another process took it over (its lease is someone else's).
   */
  async beginNew(): Promise<void> {
    if (this.halt) throw this.halt;
    if (this.instance.status === 'cancelled') throw this.stop(new Cancelled(this.workflowId));
    // Committed state is enough (this run's own writes were awaited): other instances' queued steps keep sharing a commit.
    const current = await this.deps.store.getWorkflow(this.deps.scope, this.workflowId, { committed: true });
    if (this.halt) throw this.halt;
    if (!current || current.status === 'cancelled') throw this.stop(new Cancelled(this.workflowId));
    if (current.leaseOwner !== this.deps.owner) throw this.stop(new Superseded(`workflow instance "${this.workflowId}" is driven by ${current.leaseOwner ?? 'nobody'} now, not ${this.deps.owner}`));
  }

  /** Journals `entry` at `position` once every position before it is written. */
  journalAt(position: number, entry: Omit<NewJournalEntry, 'position' | 'at'>): Promise<JournalEntry> {
    return this.inTurn(position, () => this.deps.store.appendJournal(this.deps.scope, this.workflowId, { ...entry, position, at: this.now() }));
  }

  /** Runs a write that journals `position` (appendJournal, receiveSignal) in position order; a refused one stops the function. */
  async inTurn<T>(position: number, write: () => Promise<T>): Promise<T> {
    if (this.halt) throw this.halt;
    if (position !== this.written) await new Promise<void>((resolve, reject) => this.waiters.set(position, { resolve, reject }));
    try {
      const result = await write();
      if (result !== undefined) this.advance();
      return result;
    } catch (error) {
      throw await this.refused(error);
    }
  }

  /** Parks the function at the call at `position` until `wait` is over (halt.ts). */
  suspend(wait: WorkflowWait, position: number, call: DurableCall): never {
    throw this.stop(new Suspend(wait, { position, kind: call.kind, name: call.name }));
  }

  /** Records the halt (the first one wins) and fails every write still waiting for its turn. */
  stop(halt: Halt): Halt {
    this.halt ??= halt;
    if (!(this.halt instanceof Cancelled)) this.park(this.halt);
    for (const waiter of this.waiters.values()) waiter.reject(this.halt);
    this.waiters.clear();
    return this.halt;
  }

  private advance(): void {
    this.written++;
    const waiter = this.waiters.get(this.written);
    this.waiters.delete(this.written);
    waiter?.resolve();
  }

  /** A conflict means another process journaled first; a state error, that the instance was cancelled meanwhile. */
  private async refused(error: unknown): Promise<unknown> {
    if (!isOrchestraError(error)) return error;
    if (error.code === ErrorCode.WORKFLOW_CONFLICT) return this.stop(new Superseded(error.message));
    if (error.code !== ErrorCode.WORKFLOW_STATE) return error;
    const current = await this.deps.store.getWorkflow(this.deps.scope, this.workflowId);
    return current?.status === 'cancelled' ? this.stop(new Cancelled(this.workflowId)) : this.stop(new Superseded(error.message));
  }
}

/** The run behind a context: durable calls accept only the context the runtime gave the function. */
export function runOf(ctx: WorkflowContext): WorkflowRun {
  if ((ctx as Partial<Record<typeof runBrand, boolean>>)[runBrand] === true) return ctx as WorkflowRun;
  throw new OrchestraError(ErrorCode.USAGE, 'a durable call (step, task, sleep, waitForSignal, patched, agent, pipeline, child) was given something that is not the workflow context', {
    hint: 'Pass the `ctx` your workflow function received as the first argument.',
  });
}
