import type { WorkflowContext } from '../definition.js';
import { runOf } from './workflow-run.js';

/**
 * Lets workflow code change while instances are in flight (like Temporal's `patched()`): wrap the
 * change as `if (await patched(ctx, 'change-id')) { new code } else { old code }`.
 *
 * Durability: a run reaching this point for the first time journals a marker and takes the new
 * branch, and so does every replay of it; a replay of a journal written before the change finds no
 * marker here and takes the old branch, so it still matches its journal instead of failing with
 * E_WORKFLOW_NONDETERMINISM. Remove the old branch (keep the `patched` call) once no instance
 * started before the change is in flight. docs/workflow-runtime.md explains the whole procedure.
 *
 * @example
 * ```ts
 * if (await patched(ctx, 'fraud-check')) {
 *   await step(ctx, 'fraud check', () => fraud.check(order));
 * }
 * await step(ctx, 'charge', () => payments.charge(order));
 * ```
 */
export async function patched(ctx: WorkflowContext, changeId: string): Promise<boolean> {
  const run = runOf(ctx);
  return run.call(async () => {
    const entry = run.peek();
    if (entry && !(entry.kind === 'patch' && entry.name === changeId)) return false;
    const { position, entry: marker } = run.next({ kind: 'patch', name: changeId });
    if (marker) return true;
    await run.beginNew();
    await run.journalAt(position, { kind: 'patch', name: changeId, result: true });
    return true;
  });
}
