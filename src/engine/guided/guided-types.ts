import type { TenantScope } from '../../core/tenant-scope.js';
import type { GuidedDefinition, StepReport } from '../../guided/definition.js';
import type { GuidedInstance, GuidedInstanceStatus } from '../../store/guided-types.js';
import type { Store } from '../../store/store.js';
import type { DeciderSource } from './step-decider.js';

/** What a step's coding-agent task reports when asked (the service layer maps the daemon's task states to these). */
export type GuidedTaskState = { state: 'running' } | { state: 'succeeded'; result?: unknown } | { state: 'failed'; result?: unknown };

/** The task a step visit wants: what to create it with, where, and (once chosen) its slug, its identity. */
export interface GuidedTaskRequest {
  guidedId: string;
  step: string;
  description: string;
  agent?: string;
  projectDir?: string;
}

/**
 * Coding-agent tasks for steps that wait for one (`waitsFor: task`). The service layer fills it with
 * the daemon's task service; without it such a step is refused with a clear error. A step visit's
 * task is named before anything is stored (`nameTask`), the name is stored with the step's entry,
 * and only then is the task made (`ensureTask`), which finds the task a crashed attempt made by that
 * name instead of making a second (step-task.ts says why each crash point is safe).
 */
export interface GuidedTaskPort {
  /** The slug the visit's task will have: free in the project now (earlier visits' tasks hold theirs). */
  nameTask(scope: TenantScope, request: Pick<GuidedTaskRequest, 'guidedId' | 'step' | 'projectDir'>): Promise<{ slug: string }>;
  /** The task named `slug`: created unless it exists, started unless it did; its reference (`taskId`). Idempotent. */
  ensureTask(scope: TenantScope, request: GuidedTaskRequest & { slug: string }): Promise<{ taskId: string }>;
  taskState(scope: TenantScope, taskId: string): Promise<GuidedTaskState>;
}

/** What the orchestrator's operations need; an operation of the service layer builds it once. */
export interface GuidedDeps {
  store: Store;
  /** The model that decides, or how to find it once a decision is due; absent (or found none): the rules decide. */
  decider?: DeciderSource;
  tasks?: GuidedTaskPort;
  now: () => number;
  /** The definition an instance runs (the parser, reading instance.definitionDir). */
  loadDefinition(instance: GuidedInstance): Promise<GuidedDefinition>;
  /** New ids (default: time-sortable ones from src/core/ids); tests pass fixed ones. */
  newId?: () => string;
}

/** Every operation's answer (seed 004's shape): the next step with its instructions rendered, or null when finished or waiting. */
export interface GuidedAnswer {
  instance_id: string;
  status: GuidedInstanceStatus;
  next_step: { name: string; instructions: string } | null;
  reason: string;
  /** Present while the instance waits. */
  waiting_for?: { step: string; human_task_id?: string; task_id?: string };
  /** Why the model was not followed, when it was asked and the rules decided. */
  fallback?: string;
}

export interface StartInput {
  definition: GuidedDefinition;
  context?: Record<string, unknown>;
  projectDir?: string;
}

export interface AdvanceInput {
  instance_id: string;
  report: StepReport;
  context_updates?: Record<string, unknown>;
}

export interface ResumeInput {
  instance_id: string;
  assumed_current_step_name: string;
  report?: StepReport;
  context_updates?: Record<string, unknown>;
}
