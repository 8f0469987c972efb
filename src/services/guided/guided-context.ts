import type { Clock } from '../../core/clock.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import { loadConfig } from '../../config/index.js';
import { stepDeciderFromEnvironment, type GuidedDeps } from '../../engine/guided/index.js';
import type { Store } from '../../store/store.js';
import { loadDefinitionOrThrow } from './guided-definitions.js';
import { guidedTaskPort, type GuidedTasks } from './guided-task-port.js';

/** What the guided-workflow services act with: the caller's tenant, the store, and where tasks go. */
export interface GuidedServiceContext {
  store: Store;
  scope: TenantScope;
  clock: Clock;
  env: Readonly<Record<string, string | undefined>>;
  /** The daemon's coding-agent tasks, for steps that wait for one; absent (the CLI alone), such a step is refused. */
  tasks?: GuidedTasks;
}

/**
 * The orchestrator's deps for an instance working in `projectDir`: the model is the project's
 * orchestra.yaml's (or seed 004's AI_SERVICE_ENDPOINT), read on every call as a CLI command would;
 * none configured, the rules decide. Definitions are reloaded from the instance's folder, so an
 * edit of a step file applies to the next step handed out.
 */
export async function guidedDeps(ctx: GuidedServiceContext, projectDir: string | undefined): Promise<GuidedDeps> {
  const { config } = await loadConfig({ startDir: projectDir ?? ctx.env.ORCHESTRA_HOME ?? '/', env: ctx.env });
  const decider = stepDeciderFromEnvironment({ config, env: ctx.env });
  return {
    store: ctx.store,
    now: () => ctx.clock.now(),
    loadDefinition: (instance) => loadDefinitionOrThrow(instance.definitionDir, instance.workflowName),
    ...(decider && { decider }),
    ...(ctx.tasks && { tasks: guidedTaskPort(ctx.tasks) }),
  };
}
