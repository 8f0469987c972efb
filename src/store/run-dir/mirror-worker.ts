import { Worker } from 'node:worker_threads';
import { createMirrorBatchWriter, type MirrorFile, type MirrorWriteFailure } from './mirror-worker-body.js';

/*
 * The process's one thread for run-directory mirror files (issue 9): creating files costs far more
 * than the engine's own work per node on some file systems, so it happens beside the engine, not on
 * its thread or its thread pool. Started on the first batch; it keeps the process alive only while
 * a batch is under way. Its code is the source text of createMirrorBatchWriter (no module to
 * resolve: the same in the built package, in a bundle and under vitest).
 */

const workerSource = `
const { parentPort } = require('node:worker_threads');
const isAlive = (pid) => { try { process.kill(pid, 0); return true; } catch (error) { return error.code === 'EPERM'; } };
const writeBatch = (${createMirrorBatchWriter.toString()})({ fs: require('node:fs'), path: require('node:path'), pid: process.pid, isAlive });
parentPort.on('message', ({ id, files }) => parentPort.postMessage({ id, failures: writeBatch(files) }));
`;

interface Waiting {
  resolve(failures: MirrorWriteFailure[]): void;
  reject(error: unknown): void;
}

class MirrorWorker {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();

  /** Writes `files` in the worker; resolves with those it could not write. */
  writeBatch(files: readonly MirrorFile[]): Promise<MirrorWriteFailure[]> {
    const worker = (this.worker ??= this.start());
    const id = ++this.nextId;
    if (this.waiting.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, files });
    });
  }

  private start(): Worker {
    // No inherited flags (a --cpu-prof, a test runner's loader): the code needs none.
    const worker = new Worker(workerSource, { eval: true, execArgv: [], name: 'orchestra run-directory writer' });
    worker.unref();
    worker.on('message', ({ id, failures }: { id: number; failures: MirrorWriteFailure[] }) => {
      const waiting = this.waiting.get(id);
      this.waiting.delete(id);
      if (this.waiting.size === 0) worker.unref();
      waiting?.resolve(failures);
    });
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', (code) => this.stopped(worker, new Error(`the run-directory writer thread stopped (exit code ${code})`)));
    return worker;
  }

  /** Batches under way fail; the next batch starts a new thread. */
  private stopped(worker: Worker, error: unknown): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const batch of waiting) batch.reject(error);
  }
}

const shared = new MirrorWorker();

/** Writes `files` (new ones in place, existing ones replaced atomically) off the engine's thread. */
export function writeMirrorBatch(files: readonly MirrorFile[]): Promise<MirrorWriteFailure[]> {
  return shared.writeBatch(files);
}
