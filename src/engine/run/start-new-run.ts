import { dirname, resolve } from 'node:path';
import { readPipelineFile } from '../../pipeline/read-pipeline-file.js';
import { findStartNodes } from '../../pipeline/graph/node-kind.js';
import type { ChildRunHandle, ChildRunRequest } from '../handler.js';
import { driveRun } from './drive-run.js';
import type { ResolvedEngine } from './engine-options.js';
import { createInitialContext } from './initial-context.js';
import { newRunId, openRun } from './open-run.js';
import { prepareGraph } from './prepare-graph.js';
import type { RunHandle, StartRunRequest } from './run-handle.js';
import { createProgress } from './run-progress.js';
import { acquireRunWorkspace, type WorkspaceOpening } from './run-workspace-open.js';
import type { RunWorkspace } from '../../workspace/run-workspace/types.js';

export interface NewRunRequest extends StartRunRequest {
  /** Set for child runs (decision 20). */
  parentRunId?: string;
  /** Overrides the DOT file's directory as the base for relative paths (`stack.child_workdir`). */
  baseDir?: string;
  /** Extra initial context keys (a composed pipeline's inputs). */
  context?: Record<string, unknown>;
  /** A child run's parent worktrees (ChildRunRequest.workspace). */
  workspace?: RunWorkspace;
}

/** A new run's handle; `context()` is its live context, the final one once `result()` resolves. */
export interface NewRunHandle extends RunHandle {
  context(): Record<string, unknown>;
}

/** Reads and validates the pipeline, initializes the run, and starts driving it from the start node. */
export async function startNewRun(request: NewRunRequest, engine: ResolvedEngine): Promise<NewRunHandle> {
  const file = resolve(request.file);
  const source = request.source ?? (await readPipelineFile(request.file));
  const variables = { ...(request.variables ?? {}) };
  const graph = prepareGraph(source, request.file, variables, engine.registry, engine.logger);
  const runId = request.runId ?? newRunId(engine);
  // Before the run exists: a workspace repo that is not a git repository is an error of `run`, nothing started.
  const workspaceOpening = await openingFor(request, engine, { runId, pipeline: graph.name });
  const opened = await openRun(engine, {
    graph,
    source,
    file,
    variables,
    options: request.options ?? {},
    logsRoot: request.logsRoot,
    ...(request.parentRunId !== undefined ? { parentRunId: request.parentRunId } : {}),
    runId,
    ...(request.tenant !== undefined ? { tenant: request.tenant } : {}),
  });
  const initialContext = createInitialContext(graph, variables);
  initialContext.applyUpdates(request.context);
  const progress = createProgress(initialContext);
  const result = driveRun({
    engine,
    ...opened,
    graph,
    baseDir: request.baseDir ?? dirname(file),
    variables,
    progress,
    startAt: findStartNodes(graph)[0]!.id,
    degradeFull: false,
    lastIndex: 0,
    freshRunDir: true,
    ...(workspaceOpening && { workspaceOpening }),
    startChildRun: childRunStarter(engine, opened.runId, request.tenant),
  });
  return { runId: opened.runId, logsRoot: opened.logsRoot, result: () => result, context: () => progress.context.snapshot() };
}

/** A new run creates its session; a child run works in its parent's worktrees (none without them). */
async function openingFor(request: NewRunRequest, engine: ResolvedEngine, run: { runId: string; pipeline: string }): Promise<WorkspaceOpening | undefined> {
  if (request.parentRunId !== undefined) return request.workspace ? { kind: 'inherit', workspace: request.workspace } : undefined;
  return engine.workspaces ? acquireRunWorkspace(engine.workspaces, run, { kind: 'create' }) : undefined;
}

/**
 * `services.startChildRun`: another pipeline as a real run in the same store with its parent
 * recorded, driven in this process. It stops with the request's signal; its events stay in the
 * store (under its own run id) and are not passed to this engine's onEvent. It is in its parent's tenant.
 */
export function childRunStarter(engine: ResolvedEngine, parentRunId: string, tenant: string | undefined): (request: ChildRunRequest) => Promise<ChildRunHandle> {
  return async function startChildRun(request) {
    // No session of its own (issue 14): its files are the parent's node's work, committed when that node ends.
    const childEngine: ResolvedEngine = { ...engine, signal: request.signal, onEvent: undefined, workspaces: undefined };
    const handle = await startNewRun(
      {
        file: request.file,
        variables: request.variables,
        logsRoot: request.logsRoot,
        parentRunId,
        ...(tenant !== undefined ? { tenant } : {}),
        ...(request.workdir ? { baseDir: request.workdir } : {}),
        ...(request.context ? { context: request.context } : {}),
        ...(request.workspace && { workspace: request.workspace }),
      },
      childEngine,
    );
    const result = handle.result().then((run) => ({
      status: run.state === 'completed' ? (run.outcome ?? 'success') : ('fail' as const),
      ...(run.error ? { error: run.error.message } : {}),
      context: handle.context(),
    }));
    return { runId: handle.runId, result };
  };
}
