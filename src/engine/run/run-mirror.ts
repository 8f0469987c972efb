import { join, relative, sep } from 'node:path';
import type { Logger } from '../../core/logger.js';
import { BackgroundFileWriter } from '../../store/run-dir/background-writer.js';
import { checkpointFileText } from '../../store/run-dir/checkpoint-file.js';
import { scopePath } from '../../store/run-dir/stage-path.js';
import type { Store } from '../../store/store.js';
import type { Checkpoint } from '../../store/types.js';

/** checkpoint.json is rewritten at most this often while a run goes on, and always at its end. */
const checkpointFileIntervalMs = 1_000;

/**
 * The run directory as a mirror of the store (issue 9): each file a stage writes (prompt.md,
 * response.md, status.json, context.json) goes to the store first, in the group commit of the node's
 * checkpoint, and reaches the disk off the engine's thread (background-writer.ts), which also
 * creates the stage directory when a handler did not need it earlier. checkpoint.json, which grows with the run,
 * is rewritten at most once a second instead of after every node. `flush()` (run end, interrupt)
 * makes the directory complete; after a crash, resume and `runs RUN --export DIR` rebuild it from
 * the store (export-run.ts). The one place the engine writes the run directory's stage files.
 */
export class RunMirror {
  private readonly disk = new BackgroundFileWriter();
  /** Store writes not yet committed, by file path (the disk write follows each). */
  private readonly storing = new Map<string, Promise<void>>();
  private failure: unknown;
  private latestCheckpoint: Checkpoint | undefined;
  private checkpointWrittenAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: Store,
    private readonly runId: string,
    readonly logsRoot: string,
    private readonly now: () => number,
  ) {}

  /** Stores `content` as the file at `path` (inside the run directory), then writes it to disk. */
  write(path: string, content: string): void {
    const stored = this.store.putRunFiles(this.runId, [{ path: toRunFilePath(this.logsRoot, path), content }]).then(
      () => this.disk.write(path, content),
      (error: unknown) => {
        this.failure ??= error;
      },
    );
    this.storing.set(path, stored);
    void stored.finally(() => {
      if (this.storing.get(path) === stored) this.storing.delete(path);
    });
  }

  /** Resolves once `path` has no write pending (before a node removes a file it may have queued). */
  async settle(path: string): Promise<void> {
    while (this.storing.has(path)) await this.storing.get(path);
    await this.disk.settle(path);
  }

  /** Resolves once every file written so far is on disk or has failed (failures are reported by `flush`). */
  async settleAll(): Promise<void> {
    while (this.storing.size > 0) await Promise.all(this.storing.values());
    await this.disk.settleAll();
  }

  /** The run's latest checkpoint, already in the store: checkpoint.json follows it now and then. */
  checkpoint(checkpoint: Checkpoint): void {
    // A loop restart closes restart-N/: its last checkpoint is written before the next one's.
    if (this.latestCheckpoint && this.latestCheckpoint.loopRestarts !== checkpoint.loopRestarts) this.writeCheckpointFile();
    this.latestCheckpoint = checkpoint;
    if (this.now() - this.checkpointWrittenAt >= checkpointFileIntervalMs) this.writeCheckpointFile();
  }

  /** Resolves once every file written so far, and the latest checkpoint.json, is on disk. */
  async flush(): Promise<void> {
    while (this.storing.size > 0) await Promise.all(this.storing.values());
    if (this.latestCheckpoint) this.writeCheckpointFile();
    await this.disk.flush();
    if (this.failure !== undefined) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure;
    }
  }

  private writeCheckpointFile(): void {
    const checkpoint = this.latestCheckpoint;
    if (!checkpoint) return;
    this.latestCheckpoint = undefined;
    this.checkpointWrittenAt = this.now();
    const text = (): string => `${checkpointFileText(checkpoint)}\n`;
    this.disk.write(join(this.logsRoot, 'checkpoint.json'), text);
    // A restarted loop's checkpoints also go to restart-N/ (decision 9), so that folder is complete on its own.
    if (checkpoint.loopRestarts > 0) this.disk.write(join(scopePath(this.logsRoot, { restart: checkpoint.loopRestarts }), 'checkpoint.json'), text);
  }
}

/** `path` relative to the run directory, `/`-separated, as the store keeps it. */
export function toRunFilePath(logsRoot: string, path: string): string {
  return relative(logsRoot, path).split(sep).join('/');
}

/** A logger-friendly flush for the end of a drive: a mirror write that failed is a warning, not a failed run. */
export async function flushMirror(mirror: RunMirror, logger: Logger, runId: string): Promise<void> {
  await mirror.flush().catch((error: unknown) => logger.warn('could not write a file in the run directory', { runId, error: String(error) }));
}
