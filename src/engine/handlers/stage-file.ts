import { join } from 'node:path';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';
import type { HandlerServices } from '../handler.js';

/**
 * Writes `{stageDir}/{name}` (prompt.md, response.md) the way the run wants it: through the run's
 * mirror (stored, then written off the engine's path) when there is one, else straight to disk
 * (a handler driven on its own, as in handler tests).
 */
export async function writeStageFile(services: Pick<HandlerServices, 'files'>, stageDir: string, name: string, content: string): Promise<void> {
  const path = join(stageDir, name);
  if (services.files) services.files.write(path, content);
  else await writeFileAtomic(path, content);
}
