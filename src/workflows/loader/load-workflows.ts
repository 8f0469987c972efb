import { realpath } from 'node:fs/promises';
import { relative } from 'node:path';
import { ErrorCode, isOrchestraError, OrchestraError } from '../../core/errors.js';
import { isWorkflowDefinition, type WorkflowDefinition } from '../definition.js';
import { quotedLocation, workflowLoadError } from './load-error.js';
import { createModuleLoader, type ModuleLoader, type ModuleLoaderOptions } from './module-loader.js';
import { readSourceGraph } from './source-graph.js';
import { findWorkflowFiles } from './workflow-files.js';

/** One workflow the project defines. */
export interface LoadedWorkflow {
  definition: WorkflowDefinition;
  /** The file that exports it (its real path). */
  file: string;
  /** A hash of the file's source and of the sources it imports from workflows/: an instance is pinned to it. */
  versionHash: string;
}

export interface WorkflowRegistry {
  definitions: Map<string, LoadedWorkflow>;
  /** Files that did not load, links out of workflows/, names defined twice: each E_WORKFLOW_LOAD. */
  problems: OrchestraError[];
  /** Names defined in two places, with the problem saying where: neither definition is used. */
  conflicts: Map<string, OrchestraError>;
}

export interface LoadWorkflowsOptions extends ModuleLoaderOptions {
  /** How a file is loaded (tests swap it); default jiti, see module-loader.ts. */
  loader?: ModuleLoader;
}

type Found = LoadedWorkflow & { exportName: string };

/**
 * Loads every workflow file of the project (see workflow-files.ts) and collects each export that is a
 * workflow definition. A file that does not compile or throws is a problem with its file:line:col;
 * the other files load all the same.
 */
export async function loadWorkflows(projectDir: string, options: LoadWorkflowsOptions = {}): Promise<WorkflowRegistry> {
  const { root, files, problems } = await findWorkflowFiles(projectDir);
  const found = new Map<string, Found[]>();
  if (root !== undefined && files.length > 0) {
    const base = await realpath(projectDir);
    const display = (path: string) => relative(base, path);
    const load = options.loader ?? createModuleLoader(options);
    for (const { real } of files) {
      let graph: Awaited<ReturnType<typeof readSourceGraph>>;
      try {
        graph = await readSourceGraph(real, root);
      } catch (error) {
        problems.push(isOrchestraError(error) ? error : workflowLoadError(real, error, [real], display));
        continue;
      }
      let exports: Record<string, unknown>;
      try {
        exports = await load(real);
      } catch (error) {
        problems.push(workflowLoadError(real, error, graph.files, display));
        continue;
      }
      for (const [exportName, definition] of definitionsOf(exports)) {
        const list = found.get(definition.name) ?? [];
        list.push({ definition, file: real, versionHash: graph.versionHash, exportName });
        found.set(definition.name, list);
      }
    }
    return settle(found, problems, display);
  }
  return settle(found, problems, (path) => path);
}

/** The distinct definitions a module exports (the same one under two names counts once). */
function definitionsOf(exports: Record<string, unknown>): [string, WorkflowDefinition][] {
  const seen = new Set<unknown>();
  const result: [string, WorkflowDefinition][] = [];
  for (const [name, value] of Object.entries(exports)) {
    if (!isWorkflowDefinition(value) || seen.has(value)) continue;
    seen.add(value);
    result.push([name, value]);
  }
  return result;
}

function settle(found: Map<string, Found[]>, problems: OrchestraError[], display: (path: string) => string): WorkflowRegistry {
  const definitions = new Map<string, LoadedWorkflow>();
  const conflicts = new Map<string, OrchestraError>();
  for (const [name, list] of found) {
    const [first, second] = list as [Found, Found | undefined];
    if (second === undefined) {
      definitions.set(name, { definition: first.definition, file: first.file, versionHash: first.versionHash });
      continue;
    }
    const where = list.map((entry) => `${display(entry.file)} (export ${entry.exportName})`);
    const problem = new OrchestraError(ErrorCode.WORKFLOW_LOAD, `workflow "${name}" is defined twice: in ${where.join(' and in ')}`, {
      hint: 'Each workflow needs a name of its own: rename one of them (the first argument of workflow()).',
      location: quotedLocation([second.file], name) ?? { file: second.file, line: 1, column: 1 },
    });
    conflicts.set(name, problem);
    problems.push(problem);
  }
  return { definitions, problems, conflicts };
}
