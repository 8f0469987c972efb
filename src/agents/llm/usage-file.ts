import { join } from 'node:path';
import { writeJsonAtomic } from '../../store/run-dir/write-file-atomic.js';
import { usageFile, type Usage } from './usage.js';

export const usageFileName = 'usage.json';

/** `{stageDir}/usage.json`: tokens and estimated cost of every model call the node made. */
export async function writeUsageFile(stageDir: string, usage: Usage, target: { provider: string; model: string }, calls: number): Promise<void> {
  await writeJsonAtomic(join(stageDir, usageFileName), usageFile(usage, target, calls));
}
