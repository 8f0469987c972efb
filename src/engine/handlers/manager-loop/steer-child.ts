import { stagePath } from '../../../store/run-dir/stage-path.js';
import { writeFileAtomic } from '../../../store/run-dir/write-file-atomic.js';
import type { Store } from '../../../store/store.js';
import { join } from 'node:path';

/**
 * `steer` (decision 20): writes the manager's instructions to `{child stage}/steer.md` of the node
 * the child is running, where its agent can read them. Once per child node, so a slow node is not
 * rewritten every cycle. Returns the node steered, or undefined when there was nothing to do.
 */
export async function steerChild(store: Store, childRunId: string, instructions: string, alreadySteered: string | undefined): Promise<string | undefined> {
  if (instructions.trim() === '') return undefined;
  const [run, checkpoint] = await Promise.all([store.getRun(childRunId), store.latestCheckpoint(childRunId)]);
  const node = run?.currentNode;
  if (!run || run.state !== 'running' || node === undefined || node === alreadySteered) return undefined;
  const dir = stagePath(run.logsRoot, node, { restart: checkpoint?.loopRestarts ?? 0 });
  await writeFileAtomic(join(dir, 'steer.md'), instructions.endsWith('\n') ? instructions : `${instructions}\n`);
  return node;
}
