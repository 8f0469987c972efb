import type { Clock } from '../../core/clock.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { Store } from '../../store/store.js';
import type { WorkflowRegistry } from '../../workflows/loader/index.js';
import { loadWorkflows } from '../../workflows/loader/index.js';

/**
 * What every workflow service needs (issue 11), built by the way in (CLI, later HTTP and MCP) after
 * it authenticated the caller: the store, the caller's tenant scope, a clock, and the project whose
 * workflows/ defines the workflows a start names. The services record instances and their changes;
 * they never run an instance: a worker claims it (claimRunnableWorkflows) and replays it.
 */
export interface WorkflowServiceContext {
  store: Store;
  scope: TenantScope;
  clock: Clock;
  /** The project folder (the CLI: the nearest orchestra.yaml's folder, else the cwd). */
  projectDir: string;
  /** How a project's definitions are loaded; default loadWorkflows (jiti). Tests share their module instance. */
  load?: (projectDir: string) => Promise<WorkflowRegistry>;
}

export function loadRegistry(ctx: WorkflowServiceContext, projectDir: string): Promise<WorkflowRegistry> {
  return (ctx.load ?? loadWorkflows)(projectDir);
}

/** The runtime's deps for the operations that only write the store (start, signal, cancel). */
export function runtimeDeps(ctx: WorkflowServiceContext, owner = 'services'): { store: Store; scope: TenantScope; clock: Clock; owner: string } {
  return { store: ctx.store, scope: ctx.scope, clock: ctx.clock, owner };
}

/** Where the services' parameters are documented, for the hint of a bad one. */
export const workflowDocs = 'docs/workflows.md (Commands)';
