import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AgentBackend } from '../../agents/backend.js';
import type { ResolvedPeople } from '../../config/index.js';
import type { Logger } from '../../core/logger.js';
import { systemClock } from '../../core/clock.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { RunWorkflows } from '../../engine/run-workflows.js';
import type { Store } from '../../store/store.js';
import { backendAgents } from '../../workflows/agents/backend-agents.js';
import { nodeWorkflows } from '../../workflows/dot-node/node-workflows.js';
import { loadWorkflows, type WorkflowRegistry } from '../../workflows/loader/index.js';
import type { TaskAnnouncer } from '../notifications/index.js';
import { workflowHumanTasks } from './human-tasks-port.js';
import { projectPipelines } from './project-pipelines.js';
import type { RunWorkspaces } from '../../workspace/run-workspace/types.js';

export interface RunNodeWorkflowsOptions {
  store: Store;
  /** The run's tenant: its workflow instances and their tasks are made there. */
  scope: TenantScope;
  /** The project of the DOT file: its workflows/ folder is loaded. */
  projectDir: string;
  /** The run's backend: agent() of its workflows goes where the run's nodes go (the simulation under --simulate). */
  backend: AgentBackend;
  people: ResolvedPeople;
  notices: TaskAnnouncer;
  /** Where agent() calls keep their files (`$ORCHESTRA_HOME/workflow-agents`). */
  stageRoot: string;
  /** Where pipeline() runs of its workflows keep their logs (`$ORCHESTRA_HOME/runs`). */
  runsDir: string;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The run's git workspaces (issue 14): its workflows' pipeline() runs get their own sessions in them. */
  workspaces?: RunWorkspaces | undefined;
  /** What `import … from 'orchestra'` gives the workflow files: the running module (see start-worker.ts). */
  orchestraModule?: Record<string, unknown>;
}

/**
 * The engine's `workflows` port for a run (issue 11): `type="workflow"` nodes start the workflows of
 * the DOT file's project, driven in the run's process (a worker beside it may take them over). The
 * project's workflows are loaded at the first such node, so a run without one never loads them.
 */
export function runNodeWorkflows(options: RunNodeWorkflowsOptions): RunWorkflows {
  let port: Promise<{ registry: WorkflowRegistry; workflows: RunWorkflows }> | undefined;
  const loaded = () => (port ??= load(options));
  return {
    async start(request) {
      const { registry, workflows } = await loaded();
      if (!registry.definitions.has(request.name)) throw unknownWorkflow(request.name, registry, options.projectDir);
      await workflows.start(request);
    },
    async finished(id, signal) {
      return (await loaded()).workflows.finished(id, signal);
    },
  };
}

async function load(options: RunNodeWorkflowsOptions): Promise<{ registry: WorkflowRegistry; workflows: RunWorkflows }> {
  const { store, scope, people, notices, orchestraModule } = options;
  const registry = await loadWorkflows(options.projectDir, orchestraModule ? { orchestraModule } : {});
  const definitions = (name: string) => registry.definitions.get(name)?.definition;
  const deps = {
    store,
    scope,
    clock: systemClock,
    owner: `run:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    humanTasks: workflowHumanTasks({ store, scope, people, now: () => Date.now(), notices }),
    agents: backendAgents(options.backend, { stageRoot: options.stageRoot }),
    // pipeline() runs a child of the same project over the run's backend, its gates human tasks.
    pipelines: projectPipelines({ store, scope, projectDir: options.projectDir, config: { people }, backend: options.backend, notifier: notices, runsDir: options.runsDir, log: options.log, workspaces: options.workspaces }),
    definitions,
  };
  const pin = (name: string) => ({ projectDir: options.projectDir, ...(registry.definitions.get(name) && { version: registry.definitions.get(name)!.versionHash }) });
  return { registry, workflows: nodeWorkflows({ deps, definitions, pin }) };
}

/** Names the workflows there are, and the files that did not load (the one wanted may be in one). */
export function unknownWorkflow(name: string, registry: WorkflowRegistry, projectDir: string): OrchestraError {
  const known = [...registry.definitions.keys()].sort();
  const broken = registry.problems.length > 0 ? `; ${registry.problems.length} workflow file(s) did not load: ${registry.problems.map((p) => p.message).join('; ')}` : '';
  return new OrchestraError(ErrorCode.WORKFLOW_NOT_FOUND, `there is no workflow "${name}" in ${projectDir} (known: ${known.length > 0 ? known.join(', ') : 'none'})${broken}`, {
    hint: 'Check the name, and that its file is in the project\'s workflows/ folder (`orchestra workflow check`).',
  });
}
