import { join } from 'node:path';
import { checkpointFileText } from '../../store/run-dir/checkpoint-file.js';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';
import { isConfinedRunFilePath, type RunFile } from '../../store/run-file.js';
import type { Store } from '../../store/store.js';

/** Files written side by side; enough to keep the thread pool busy, few enough to bound open files. */
const parallelWrites = 32;

/**
 * Writes a run's directory from the store (issue 9): every stored stage file and the manifest, and
 * `checkpoint.json` from the latest checkpoint. Used by `orchestra runs RUN --export DIR`, and by
 * resume to complete a directory that a crash left behind its store. Returns how many files it wrote.
 */
export async function exportRunFiles(store: Store, runId: string, dir: string): Promise<number> {
  const files: RunFile[] = (await store.listRunFiles(runId)).filter((file) => isConfinedRunFilePath(file.path));
  const checkpoint = await store.latestCheckpoint(runId);
  if (checkpoint) files.push({ path: 'checkpoint.json', content: `${checkpointFileText(checkpoint)}\n` });
  for (let i = 0; i < files.length; i += parallelWrites) {
    await Promise.all(files.slice(i, i + parallelWrites).map((file) => writeFileAtomic(join(dir, ...file.path.split('/')), file.content)));
  }
  return files.length;
}
