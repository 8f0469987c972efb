import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { findVariableReferences } from '../../pipeline/transforms/index.js';
import { handlerTypeOf, parseDot, readPipelineFile, textValue, type Graph } from '../../pipeline/index.js';
import { listPipelineFiles } from '../pipelines/index.js';
import type { ComposedPipelineView } from './schemas.js';

/** At most this many pipelines are read for the library: a project is not a disk. */
const maxPipelines = 200;

/** Names a prompt may use that are not run variables a parent gives (expanded by the engine itself). */
const engineNames = (name: string): boolean => name === 'goal' || name.startsWith('context.') || name.startsWith('workspace.');

/**
 * The project's pipelines as building blocks: each can run as a node of another (`type="pipeline"`,
 * docs/pipelines.md "Composed pipelines") or be the child a manager loop supervises
 * (`stack.child_dotfile`). For each: its goal, the variables its prompts use (what the parent's
 * `pipeline.inputs` gives it) and which project pipelines already use it.
 */
export async function composedPipelineViews(project: string): Promise<ComposedPipelineView[]> {
  const files = (await listPipelineFiles(project)).slice(0, maxPipelines);
  const views = new Map<string, ComposedPipelineView>();
  const uses: Array<[user: string, used: string]> = [];
  for (const file of files) {
    try {
      const graph = parseDot(await readPipelineFile(join(project, file), file), file);
      views.set(file, { file, name: graph.name, goal: goalOf(graph), inputs: inputsOf(graph), nodes: graph.nodes.size, usedBy: [] });
      for (const child of childFiles(graph, file)) uses.push([file, child]);
    } catch (error) {
      views.set(file, { file, name: file, goal: null, inputs: [], nodes: 0, usedBy: [], error: (error as Error).message.split('\n')[0] ?? 'unreadable' });
    }
  }
  for (const [user, used] of uses) {
    const view = views.get(used);
    if (view !== undefined && !view.usedBy.includes(user)) view.usedBy.push(user);
  }
  return [...views.values()];
}

function goalOf(graph: Graph): string | null {
  const attr = graph.attrs['goal'];
  const goal = attr === undefined ? '' : textValue(attr.value).trim();
  return goal === '' ? null : goal;
}

/** The `$name`s of every node's prompt, first use first. */
export function inputsOf(graph: Graph): string[] {
  const names = new Set<string>();
  for (const node of graph.nodes.values()) {
    const prompt = node.attrs['prompt'];
    if (prompt === undefined) continue;
    for (const ref of findVariableReferences(textValue(prompt.value))) if (!engineNames(ref.name)) names.add(ref.name);
  }
  return [...names];
}

/** The project-relative files `graph` (at project-relative `file`) runs as children. */
export function childFiles(graph: Graph, file: string): string[] {
  const written: string[] = [];
  for (const node of graph.nodes.values()) {
    const attr = node.attrs['pipeline'];
    if (attr !== undefined && handlerTypeOf(node) === 'pipeline') written.push(textValue(attr.value).trim());
  }
  const manager = graph.attrs['stack.child_dotfile'];
  if (manager !== undefined) written.push(textValue(manager.value).trim());
  return written
    .filter((path) => path !== '' && !isAbsolute(path))
    .map((path) => normalize(join(dirname(file), path)).split(sep).join('/'))
    .filter((path) => !path.startsWith('../'));
}
