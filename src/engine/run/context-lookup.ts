import type { RunContext } from '../context.js';
import type { ContextLookup } from '../routing/select-edge.js';

/** Conditions see context values as text; absent keys are undefined so `context.x` can fall back to `x`. */
export function contextLookup(context: RunContext): ContextLookup {
  return (key) => (context.has(key) ? context.getString(key) : undefined);
}
