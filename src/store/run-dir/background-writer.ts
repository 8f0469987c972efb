import { writeFileAtomic } from './write-file-atomic.js';

/** A file's content, or a function producing it when the write happens. */
export type FileContent = string | Uint8Array | (() => string | Uint8Array);

/**
 * Writes run-directory mirror files (checkpoint.json, status.json) off the engine's critical path.
 * The store already holds the same state durably; these files are copies for people and tools.
 * Each write is still atomic (temp file, then rename), writes to one path keep their order, and a
 * path written again before its turn only keeps the latest content, so a burst of checkpoints
 * becomes one rewrite of checkpoint.json. Content may be a producer, called only when the file is
 * actually written, so a burst also serializes only the latest. `flush()` waits until every file
 * on disk is current.
 */
export class BackgroundFileWriter {
  private readonly pending = new Map<string, FileContent>();
  private readonly writing = new Set<string>();
  private draining: Promise<void> | undefined;
  private failure: unknown;

  write(path: string, data: FileContent): void {
    this.pending.set(path, data);
    this.draining ??= this.drain();
  }

  /** Resolves once no write to `path` is queued or under way (other paths may still be). */
  async settle(path: string): Promise<void> {
    while (this.draining && (this.pending.has(path) || this.writing.has(path))) await this.draining;
  }

  /** Resolves when everything written so far is on disk; rejects with the first write error. */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
    if (this.failure !== undefined) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure;
    }
  }

  private async drain(): Promise<void> {
    // Let the engine go on to its next node before the first write starts.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending.size > 0) {
      // One batch holds each path once, so its writes can run side by side on the thread pool.
      const batch = [...this.pending];
      this.pending.clear();
      for (const [path] of batch) this.writing.add(path);
      await Promise.all(
        batch.map(([path, data]) =>
          Promise.resolve()
            .then(() => writeFileAtomic(path, typeof data === 'function' ? data() : data))
            .catch((error: unknown) => {
            this.failure ??= error;
          }),
        ),
      );
      this.writing.clear();
    }
    this.draining = undefined;
  }
}
