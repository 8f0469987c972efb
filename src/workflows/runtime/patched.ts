import type { WorkflowContext } from '../definition.js';
import { runOf } from './workflow-run.js';

/**
 * Lets code change under instances in flight (like Temporal's patched()): `if (patched(ctx, 'id'))
 * { new code } else { old code }`. A run reaching this point for the first time journals a marker
 * and takes the new branch; a replay of a journal written before the change finds no marker here
 * and takes the old one, so it still matches its journal. Remove the old branch once no instance
 * started before the change is in flight.
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
