import type { BranchResult } from '../../handler.js';

/** A BranchResult with defaults for the fields a test does not care about. */
export function branchResult(id: string, fields: Partial<BranchResult> = {}): BranchResult {
  return { id, status: 'success', lastNode: id, contextUpdates: {}, durationMs: 1, ...fields };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

/** A promise settled from outside, to hold a scripted branch or child run until the test says so. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
