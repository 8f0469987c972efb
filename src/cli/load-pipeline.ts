import { resolve } from 'node:path';
// Not the pipeline barrel, which loads the SVG renderer (Graphviz WebAssembly) that `run` never needs.
import { preparePipeline, type PreparedPipeline } from '../pipeline/prepare.js';
import { readPipelineFile } from '../pipeline/read-pipeline-file.js';
import { engineLintRules } from '../engine/handlers/lint-rules.js';
import type { CliIo } from './cli-io.js';
import { displayPath } from './output/display-path.js';

export interface CliPipeline extends PreparedPipeline {
  /** Absolute path: what the engine and the run record get. */
  path: string;
  /** The path as the user would type it from the current directory: what diagnostics show. */
  shownAs: string;
  source: string;
}

/**
 * Reads and validates a pipeline named on the command line. The file is read by absolute path, but
 * prepared under the name the user typed, so that every diagnostic (and any position quoted inside
 * a message) reads `flow.dot:3:5`, not a long absolute path.
 */
export async function loadCliPipeline(
  io: Pick<CliIo, 'cwd'>,
  file: string,
  options: { variables: Record<string, string>; knownHandlerTypes?: readonly string[]; sourceFile?: string },
): Promise<CliPipeline> {
  const { sourceFile, ...prepare } = options;
  const path = resolve(io.cwd, file);
  const shownAs = displayPath(io.cwd, path);
  // `run --source-file`: the text comes from there; `file` still names where the pipeline lives.
  const source = await readPipelineFile(sourceFile === undefined ? path : resolve(io.cwd, sourceFile));
  return { ...preparePipeline(source, { file: shownAs, extraRules: engineLintRules, ...prepare }), path, shownAs, source };
}
