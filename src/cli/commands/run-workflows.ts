import { dirname, join } from 'node:path';
import type { AgentBackend } from '../../agents/backend.js';
import { loadConfig } from '../../config/index.js';
import { findProjectDir } from '../../config/project-dir.js';
import type { Logger } from '../../core/logger.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { RunWorkflows } from '../../engine/run-workflows.js';
import { runNodeWorkflows } from '../../services/workflows/run-node-workflows.js';
import type { Store } from '../../store/store.js';
import type { CliIo } from '../cli-io.js';
import { cliNotifier } from '../cli-notifier.js';
import type { StoreLocation } from '../store-location.js';
import type { RunWorkspaces } from '../../workspace/run-workspace/types.js';

/**
 * `type="workflow"` nodes of a run driven by this process (`run`, `run --detach`'s child, `resume`,
 * `replay`): the workflows of the DOT file's project (the folder with its orchestra.yaml, else the
 * file's folder), their tasks made with that project's people and routes, in the run's tenant.
 */
export async function cliRunWorkflows(
  io: Pick<CliIo, 'env' | 'stderr'>,
  settings: { store: Store; scope: TenantScope; pipelineFile: string; location: Pick<StoreLocation, 'home' | 'runsDir'> },
  backend: AgentBackend,
  log: Pick<Logger, 'info' | 'warn' | 'error'>,
  workspaces?: RunWorkspaces,
): Promise<RunWorkflows> {
  // Built at the first workflow node: a run without one loads neither the config again nor the
  // whole library (src/index.ts brings Graphviz), which `run`'s start time cannot afford (issue 9).
  let port: Promise<RunWorkflows> | undefined;
  const loaded = () => (port ??= projectWorkflows(io, settings, backend, log, workspaces));
  return {
    start: async (request) => (await loaded()).start(request),
    finished: async (id, signal) => (await loaded()).finished(id, signal),
  };
}

async function projectWorkflows(
  io: Pick<CliIo, 'env' | 'stderr'>,
  settings: { store: Store; scope: TenantScope; pipelineFile: string; location: Pick<StoreLocation, 'home' | 'runsDir'> },
  backend: AgentBackend,
  log: Pick<Logger, 'info' | 'warn' | 'error'>,
  workspaces: RunWorkspaces | undefined,
): Promise<RunWorkflows> {
  const fileDir = dirname(settings.pipelineFile);
  const { config } = await loadConfig({ startDir: fileDir, env: io.env });
  // The workflows' `import … from 'orchestra'` is this very module: one copy of the SDK and the runtime.
  const orchestraModule = (await import('../../index.js')) as Record<string, unknown>;
  return runNodeWorkflows({
    store: settings.store,
    scope: settings.scope,
    projectDir: findProjectDir(fileDir) ?? fileDir,
    backend,
    people: config.people,
    notices: cliNotifier(io, settings.store, config),
    stageRoot: join(settings.location.home, 'workflow-agents'),
    runsDir: settings.location.runsDir,
    log,
    orchestraModule,
    workspaces,
  });
}
