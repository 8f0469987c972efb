import { parseDot } from './dot/parse.js';
import { readPipelineFile } from './read-pipeline-file.js';
import type { Graph } from './graph/model.js';
import { applyTransforms, builtInTransforms, type Transform } from './transforms/index.js';
import { validate, type Diagnostic, type LintRule } from './validate/index.js';

export interface PrepareOptions {
  /** The file name diagnostics and the graph carry (need not exist for preparePipeline). */
  file: string;
  /** Run variables from the command line (decision 26). */
  variables?: Readonly<Record<string, string>>;
  /** Handler types registered at run time (decision 16). */
  knownHandlerTypes?: readonly string[];
  /** Custom transforms, run after the built-in ones in this order. */
  transforms?: readonly Transform[];
  /** Custom lint rules, run after the built-in ones. */
  extraRules?: readonly LintRule[];
}

export interface PreparedPipeline {
  graph: Graph;
  /** Every diagnostic, in file order; the run must not start when one is an ERROR. */
  diagnostics: Diagnostic[];
}

/**
 * parse → built-in transforms (stylesheet, variables) → custom transforms → validate (digest §5).
 * DOT syntax errors throw E_DOT_SYNTAX; everything else, stylesheet syntax included, is a diagnostic.
 */
export function preparePipeline(source: string, options: PrepareOptions): PreparedPipeline {
  const parsed = parseDot(source, options.file);
  const transforms = [...builtInTransforms({ variables: options.variables ?? {} }), ...(options.transforms ?? [])];
  const graph = applyTransforms(parsed, transforms);
  const diagnostics = validate(graph, {
    knownHandlerTypes: options.knownHandlerTypes ?? [],
    extraRules: options.extraRules ?? [],
    variables: options.variables ?? {},
    source,
  });
  return { graph, diagnostics };
}

export interface LoadedPipeline extends PreparedPipeline {
  /** The DOT text as read, for excerpts and for recording with the run. */
  source: string;
}

/** Reads a DOT file (readPipelineFile) and prepares it. */
export async function loadPipeline(file: string, options: Omit<PrepareOptions, 'file'> = {}): Promise<LoadedPipeline> {
  const source = await readPipelineFile(file);
  return { ...preparePipeline(source, { ...options, file }), source };
}
