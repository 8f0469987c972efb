import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { ErrorCode, OrchestraError } from '../core/errors.js';

/** Where task ports come from unless the caller says otherwise: above common dev-server ports, below ephemeral ones. */
export const DEFAULT_PORT_RANGE: readonly [number, number] = [41000, 48999];

export interface AllocateTaskPortOptions {
  /** Ports already given to other tasks. */
  taken: readonly number[];
  /** Tried first, so a task keeps its port across restarts (see `preferredTaskPort`). */
  preferred?: number;
  range?: readonly [number, number];
}

/**
 * A TCP port for a task's dev servers: in the range, not given to another task, and free on 127.0.0.1 right
 * now. Searches upwards from `preferred`, wrapping around the range.
 * @example await allocateTaskPort({ taken: [41000], preferred: preferredTaskPort('/src/app#4') })
 */
export async function allocateTaskPort(o: AllocateTaskPortOptions): Promise<number> {
  const [low, high] = o.range ?? DEFAULT_PORT_RANGE;
  validateRange(low, high);
  const size = high - low + 1;
  const start = o.preferred !== undefined && o.preferred >= low && o.preferred <= high ? o.preferred : low;
  const taken = new Set(o.taken);
  for (let i = 0; i < size; i++) {
    const port = low + ((start - low + i) % size);
    if (!taken.has(port) && (await isBindable(port))) return port;
  }
  throw new OrchestraError(ErrorCode.SETUP_FAILED, `No free TCP port for the task in ${low}–${high}: all are taken by other tasks or in use.`, {
    hint: 'Stop or remove finished tasks, or free ports in that range.',
  });
}

/** A port in the range derived from `key` (e.g. project root + task id), the same every time for the same key. */
export function preferredTaskPort(key: string, range: readonly [number, number] = DEFAULT_PORT_RANGE): number {
  const [low, high] = range;
  validateRange(low, high);
  return low + (createHash('sha256').update(key).digest().readUInt32BE(0) % (high - low + 1));
}

function validateRange(low: number, high: number): void {
  const ok = Number.isInteger(low) && Number.isInteger(high) && low >= 1 && high <= 65535 && low <= high;
  if (ok) return;
  throw new OrchestraError(ErrorCode.USAGE, `Expected the port range to be two integers 1 ≤ low ≤ high ≤ 65535, got [${low}, ${high}].`);
}

function isBindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
