import type { Clock } from '../../core/clock.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import { loadConfig } from '../../config/index.js';
import { stepDeciderFromEnvironment, type GuidedDeps, type StepDecider } from '../../engine/guided/index.js';
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
 * The orchestrator's deps for an instance working in `projectDir`. The model is the project's
 * orchestra.yaml's (or seed 004's AI_SERVICE_ENDPOINT), looked up only when a decision is due, at
 * most once per operation: reading an instance (status, show) never touches the configuration, and
 * an edit of orchestra.yaml applies to the next decision, as it would to the next CLI command. None
 * configured, the rules decide. Definitions are reloaded from the instance's folder, so an edit of
 * a step file applies to the next step handed out.
 */
export function guidedDeps(ctx: GuidedServiceContext, projectDir: string | undefined): GuidedDeps {
  let decider: Promise<StepDecider | undefined> | undefined;
  return {
    store: ctx.store,
    now: () => ctx.clock.now(),
    loadDefinition: (instance) => loadDefinitionOrThrow(instance.definitionDir, instance.workflowName),
    decider: () => (decider ??= deciderFor(ctx.env, projectDir)),
    ...(ctx.tasks && { tasks: guidedTaskPort(ctx.tasks, ctx.env) }),
  };
}

async function deciderFor(env: GuidedServiceContext['env'], projectDir: string | undefined): Promise<StepDecider | undefined> {
  const { config } = await loadConfig({ startDir: projectDir ?? env.ORCHESTRA_HOME ?? '/', env });
  return stepDeciderFromEnvironment({ config, env });
}
