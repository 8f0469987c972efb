import type { Clock, Random } from '../../core/clock.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { Assignee, FormDefinition, HumanTaskPriority, JsonObject } from '../../store/human-task-types.js';
import type { Store } from '../../store/store.js';
import type { EscalationStepInput } from '../../humans/sla/sla-input.js';
import type { WorkflowAgents, WorkflowDefinitions, WorkflowPipelines } from './ports.js';

/** What a workflow's task() asks for; the id is deterministic (`wf:<instance>:<position>`), so opening it twice finds it. */
export interface WorkflowTaskRequest {
  id: string;
  workflowId: string;
  /** The task()'s journal name (its title unless given), recorded as the task's origin step. */
  step: string;
  title: string;
  description: string;
  form: FormDefinition;
  context: JsonObject;
  assignee?: Assignee;
  priority?: HumanTaskPriority;
  /** A duration (`30m`): the task is due that long after it is created. */
  sla?: string;
  escalation?: EscalationStepInput[];
}

/** How a human task ended, as task() returns it. */
export interface WorkflowTaskOutcome {
  status: 'completed' | 'expired' | 'cancelled';
  answer?: JsonObject;
  /** Who completed it (`system`: the escalation's default answer) and when. */
  answeredBy?: string;
  answeredAt?: number;
}

/**
 * Human tasks as a workflow sees them (the port the services layer implements over
 * src/services/human-tasks, with the tenant and escalation people checks; tests implement it over
 * the store: testing/store-human-tasks.ts). The runtime never makes a task itself.
 */
export interface WorkflowHumanTasks {
  /** Creates the task (form, SLA and escalation checked), or does nothing when it exists already (a replay). */
  open(request: WorkflowTaskRequest): Promise<void>;
  /**
   * The task's outcome once it is settled, else undefined. Takes a completed task's answer
   * (takeHumanTaskAnswer) the first time; asked again after a crash it still returns the answer: the
   * journal entry written next, once, is what makes the answer seen exactly once.
   */
  take(id: string): Promise<WorkflowTaskOutcome | undefined>;
}

/** What the runtime works with: the store, the caller's tenant, time, and the ports for effects. */
export interface WorkflowDeps {
  store: Store;
  scope: TenantScope;
  clock: Clock;
  random?: Random;
  /** Needed by workflows that call task(). */
  humanTasks?: WorkflowHumanTasks;
  /** Needed by workflows that call agent(): the configured backend (ports.ts). */
  agents?: WorkflowAgents;
  /** Needed by workflows that call pipeline(): the engine (src/workflows/pipelines/engine-pipelines.ts). */
  pipelines?: WorkflowPipelines;
  /** Needed by child(ctx, 'name', …): the workflows the worker loaded. */
  definitions?: WorkflowDefinitions;
  /** Who holds instance leases: unique per process (a worker's id). */
  owner: string;
  /** How long a lease holds without renewal; renewed every third of it while the function runs. 30 s by default. */
  leaseTtlMs?: number;
}
