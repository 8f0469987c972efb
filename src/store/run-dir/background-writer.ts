import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { MirrorFile, MirrorWriteFailure } from './mirror-worker-body.js';
import { writeMirrorBatch } from './mirror-worker.js';

/** A file's content, or a function producing it when the write happens. */
export type FileContent = string | Uint8Array | (() => string | Uint8Array);

/**
 * How long files wait for others before a batch leaves: a message to the worker and its answer
 * cost the engine's thread tens of microseconds, about what a simple node costs; a node's files
 * then share a message with its neighbours'. Anyone waiting for the disk (settle, flush) sends at once.
 */
const batchWindowMs = 10;

/** Writes a batch of files, resolving with those it could not write. */
export type BatchWriter = (files: readonly MirrorFile[]) => Promise<MirrorWriteFailure[]>;

/**
 * Writes run-directory mirror files (stage files, checkpoint.json) off the engine's path: batches
 * go to the mirror's worker thread (mirror-worker.ts), one message each, while the engine goes on.
 * The store already holds the same state durably; these files are copies for people and tools.
 * A new file is written in place, an existing one is replaced atomically (temp file, then rename);
 * writes to one path keep their order, and a path written again before its turn only keeps the
 * latest content, so a burst of checkpoints becomes one rewrite of checkpoint.json. Content may be
 * a producer, called only when the file is actually written, so a burst also serializes only the
 * latest. `flush()` waits until every file on disk is current.
 */
export class BackgroundFileWriter {
  private readonly pending = new Map<string, FileContent>();
  private readonly writing = new Set<string>();
  private draining: Promise<void> | undefined;
  /** Ends the batch window early; set while a drain waits for it. */
  private hurry: (() => void) | undefined;
  private failure: unknown;

  constructor(private readonly writeBatch: BatchWriter = writeMirrorBatch) {}

  write(path: string, data: FileContent): void {
    this.pending.set(path, data);
    this.draining ??= this.drain();
  }

  /** Resolves once no write to `path` is queued or under way (other paths may still be). */
  async settle(path: string): Promise<void> {
    while (this.draining && (this.pending.has(path) || this.writing.has(path))) {
      this.hurry?.();
      await this.draining;
    }
  }

  /** Resolves once everything written so far is on disk or has failed; never rejects. */
  async settleAll(): Promise<void> {
    while (this.draining) {
      this.hurry?.();
      await this.draining;
    }
  }

  /** Resolves when everything written so far is on disk; rejects with the first write error. */
  async flush(): Promise<void> {
    await this.settleAll();
    if (this.failure !== undefined) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure;
    }
  }

  private async drain(): Promise<void> {
    // Let the engine go on to its next nodes before the first batch leaves: batches grow.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(send, batchWindowMs);
      function send(): void {
        clearTimeout(timer);
        resolve();
      }
      this.hurry = send;
    });
    this.hurry = undefined;
    while (this.pending.size > 0) {
      // One batch holds each path once; the next waits for it, so a path's writes keep their order.
      const batch: MirrorFile[] = [];
      for (const [path, data] of this.pending) {
        this.writing.add(path);
        try {
          batch.push([path, typeof data === 'function' ? data() : data]);
        } catch (error) {
          this.failure ??= writeError(path, error);
        }
      }
      this.pending.clear();
      try {
        const failed = (await this.writeBatch(batch))[0];
        if (failed) this.failure ??= writeError(failed.path, new Error(failed.message));
      } catch (error) {
        this.failure ??= writeError(batch[0]?.[0] ?? 'the run directory', error);
      }
      this.writing.clear();
    }
    this.draining = undefined;
  }
}

function writeError(path: string, error: unknown): OrchestraError {
  return new OrchestraError(ErrorCode.STORE, `cannot write ${path}: ${(error as Error).message}`, {
    hint: 'Check that the run directory is writable and the disk has space.',
    cause: error,
  });
}
