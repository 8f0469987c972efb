import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { systemClock, type Clock } from '../../../core/clock.js';
import type { Logger } from '../../../core/logger.js';
import type { Store } from '../../../store/store.js';
import type { WorkflowInstance } from '../../../store/workflow-types.js';
import type { RunOutcome } from '../../../workflows/runtime/index.js';
import { loadWorkflows } from '../../../workflows/loader/index.js';
import { projectTaskPorts } from '../project-context.js';
import { runWorkflowWorker, type ChangeFeed } from './run-worker.js';
import { WorkflowVersions, type FoundWorkflow } from './workflow-versions.js';

export interface WorkflowWorkOptions {
  store: Store;
  env: Readonly<Record<string, string | undefined>>;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /**
   * `orchestra worker`/`dev`: the project served; it claims the instances started there and those
   * that recorded no project. Without it (the daemon) every instance that recorded its project is
   * claimed, its code loaded from there.
   */
  projectDir?: string;
  changes?: ChangeFeed;
  /**
   * What `import … from 'orchestra'` gives the workflow files: the caller's own copy of the SDK
   * (`import * as orchestra from 'orchestra'`), so the workflows' durable calls and this runtime are
   * one module instance. Without it the loader's default (dist/index.js) is used.
   */
  orchestraModule?: Record<string, unknown>;
  clock?: Clock;
  /** Where agent() calls keep their files (`<stageRoot>/<instance>/<position>/`): `$ORCHESTRA_HOME/workflow-agents` from the CLI and daemon. */
  stageRoot?: string;
  /** Where pipeline() runs keep their logs: `$ORCHESTRA_HOME/runs` from the CLI and daemon (without it pipeline() is not offered). */
  runsDir?: string;
  concurrency?: number;
  leaseTtlMs?: number;
  idleMs?: number;
  graceMs?: number;
  onRun?: (instance: WorkflowInstance, outcome: RunOutcome, found: FoundWorkflow) => Promise<void> | void;
}

export interface WorkflowWork {
  owner: string;
  /** The code by version: `orchestra dev` reloads it when a file changes. */
  versions: WorkflowVersions;
  /** Stops claiming, lets running replays reach their next wait (within the grace), releases leases. */
  stop(): Promise<void>;
  /** Resolves when the worker stopped (after stop(), or on its own). */
  done: Promise<void>;
}

/** Starts a workflow worker on `store` (what the daemon, `orchestra worker` and `orchestra dev` run). */
export function startWorkflowWork(options: WorkflowWorkOptions): WorkflowWork {
  const { store, projectDir, log } = options;
  const owner = `worker:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const orchestraModule = options.orchestraModule;
  const load = (dir: string) => loadWorkflows(dir, orchestraModule ? { orchestraModule } : {});
  const versions = new WorkflowVersions({ ...(projectDir !== undefined && { defaultProject: projectDir }), log, load });
  const ports = projectTaskPorts({ store, env: options.env, log, ...(options.stageRoot !== undefined && { stageRoot: options.stageRoot }), ...(options.runsDir !== undefined && { runsDir: options.runsDir }) });
  const controller = new AbortController();
  const done = runWorkflowWorker({
    store,
    clock: options.clock ?? systemClock,
    owner,
    find: (instance) => versions.find(instance),
    ports: async (scope, instance) => {
      const dir = instance.projectDir ?? projectDir ?? process.cwd();
      // child(ctx, 'name', …) starts the current code of a workflow of the same project.
      return { ...(await ports.ports(scope, dir)), definitions: (name) => versions.current(dir, name)?.definition };
    },
    filter: projectDir !== undefined ? { projectDir } : { requireProjectDir: true },
    signal: controller.signal,
    log,
    ...pick(options, ['changes', 'concurrency', 'leaseTtlMs', 'idleMs', 'graceMs', 'onRun']),
  });
  return {
    owner,
    versions,
    done,
    stop() {
      controller.abort();
      return done;
    },
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, value[key]])) as Partial<Pick<T, K>>;
}
