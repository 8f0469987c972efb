import type { z } from 'zod';
import { lazyRequire } from '../core/lazy-require.js';

const zod = lazyRequire<{ z: typeof z }>('zod');

/**
 * A zod schema built on first use, loading zod then. The store's checkpoint schemas are needed only
 * when a checkpoint is read back, and loading zod cost more than the rest of a cold `orchestra runs`
 * (issue 9: `runs` and `--version` under 100 ms).
 */
export function lazySchema<T>(build: (zod: typeof z) => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build(zod().z));
}
