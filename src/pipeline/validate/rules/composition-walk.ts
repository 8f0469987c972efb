import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseDot } from '../../dot/parse.js';
import { textValue, type Attribute, type Graph } from '../../graph/model.js';
import { handlerTypeOf } from '../../graph/node-kind.js';
import type { LintContext } from '../lint-rule.js';

/** A `type="pipeline"` node and the child DOT file it names. */
export interface PipelineRef {
  nodeId: string;
  attr: Attribute;
  /** As written in the attribute. */
  written: string;
  /** Resolved against the including file's directory. */
  file: string;
}

/** What a root-level pipeline node leads to: a cycle, a missing or unreadable file, or nothing wrong. */
export type CompositionProblem =
  | { kind: 'cycle'; ref: PipelineRef; chain: string[]; throughRoot: boolean }
  | { kind: 'missing'; ref: PipelineRef; chain: string[]; file: string; direct: boolean }
  | { kind: 'unreadable'; ref: PipelineRef; chain: string[]; file: string; message: string; direct: boolean };

type Loaded = { graph: Graph } | { missing: true } | { error: string };

// Keyed by the validation's context, so each validation reads every child file at most once and
// both composition rules share the walk.
const walks = new WeakMap<LintContext, CompositionProblem[]>();

/** The composition problems of `graph`'s pipeline nodes (empty for graphs not read from a file). */
export function compositionProblems(graph: Graph, ctx: LintContext): CompositionProblem[] {
  let problems = walks.get(ctx);
  if (!problems) {
    problems = walkComposition(graph);
    walks.set(ctx, problems);
  }
  return problems;
}

function walkComposition(graph: Graph): CompositionProblem[] {
  if (graph.file === '' || graph.file.startsWith('<')) return [];
  const root = resolve(graph.file);
  const rootDir = dirname(root);
  const show = (file: string) => relative(rootDir, file) || file;
  const cache = new Map<string, Loaded>();
  const load = (file: string): Loaded => {
    let loaded = cache.get(file);
    if (!loaded) cache.set(file, (loaded = loadPipeline(file)));
    return loaded;
  };
  const problems: CompositionProblem[] = [];
  for (const ref of pipelineRefs(graph, rootDir)) {
    const problem = explore(ref, [root], ref.file, load, new Set());
    if (problem) problems.push({ ...problem, chain: problem.chain.map(show) } as CompositionProblem);
  }
  return problems;
}

/** Depth-first from `file` (reached from the files in `stack`), stopping at the first problem. */
function explore(ref: PipelineRef, stack: string[], file: string, load: (file: string) => Loaded, clean: Set<string>): CompositionProblem | undefined {
  const chain = [...stack, file];
  if (stack.includes(file)) return { kind: 'cycle', ref, chain, throughRoot: file === stack[0] };
  if (clean.has(file)) return undefined;
  const loaded = load(file);
  const direct = stack.length === 1;
  if ('missing' in loaded) return { kind: 'missing', ref, chain, file, direct };
  if ('error' in loaded) return { kind: 'unreadable', ref, chain, file, message: loaded.error, direct };
  for (const child of pipelineRefs(loaded.graph, dirname(file))) {
    const problem = explore(ref, chain, child.file, load, clean);
    if (problem) return problem;
  }
  clean.add(file);
  return undefined;
}

/** The pipeline nodes of a graph that name a child file. */
export function pipelineRefs(graph: Graph, baseDir: string): PipelineRef[] {
  const refs: PipelineRef[] = [];
  for (const node of graph.nodes.values()) {
    const attr = node.attrs['pipeline'];
    if (handlerTypeOf(node) !== 'pipeline' || !attr) continue;
    const written = textValue(attr.value).trim();
    if (written === '') continue;
    refs.push({ nodeId: node.id, attr, written, file: isAbsolute(written) ? written : resolve(baseDir, written) });
  }
  return refs;
}

function loadPipeline(file: string): Loaded {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    return { error: (error as Error).message };
  }
  try {
    return { graph: parseDot(source, file) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
