import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { combinedOutputFileName } from '../tool/tool-files.js';

/**
 * What a node produced, from its stage directory (the latest visit is at the spec's paths): an LLM
 * node's or human gate's `response.md`, else a tool's `tool_output.txt`; undefined when it has
 * neither (it has not run, or produced nothing).
 */
export async function readNodeOutput(stageDir: string): Promise<string | undefined> {
  for (const name of ['response.md', combinedOutputFileName]) {
    try {
      return await readFile(join(stageDir, name), 'utf8');
    } catch {
      // Not this kind of node; try the next file.
    }
  }
  return undefined;
}
