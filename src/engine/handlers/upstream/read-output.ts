import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HandlerServices } from '../../handler.js';
import { combinedOutputFileName } from '../tool/tool-files.js';

/**
 * What a node produced, from its stage directory (the latest visit is at the spec's paths): an LLM
 * node's or human gate's `response.md`, else a tool's `tool_output.txt`; undefined when it has
 * neither (it has not run, or produced nothing). A file still queued in the run's mirror is
 * waited for first.
 */
export async function readNodeOutput(services: Pick<HandlerServices, 'files'>, stageDir: string): Promise<string | undefined> {
  for (const name of ['response.md', combinedOutputFileName]) {
    const path = join(stageDir, name);
    await services.files?.settle(path);
    try {
      return await readFile(path, 'utf8');
    } catch {
      // Not this kind of node; try the next file.
    }
  }
  return undefined;
}
