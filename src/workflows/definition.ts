/*
 * What `workflow(name, fn)` returns (issue 11): a plain, branded value that a workflow file exports.
 * The loader (src/workflows/loader) finds every export carrying the brand; the runtime
 * (src/workflows/runtime) runs `run` by journal replay. Nothing here touches the store.
 */
import type { ZodType } from 'zod';

/** Marks a value as a workflow definition, so the loader can tell it from a file's other exports. */
export const WorkflowBrand: unique symbol = Symbol.for('orchestra.workflow');

/**
 * The handle a workflow function receives. Every durable call (`step`, `task`, `sleep`,
 * `waitForSignal`, `agent`, `pipeline`) takes it as its first argument; the runtime keeps its state
 * behind it, so a workflow function has no other way to reach the journal.
 */
export interface WorkflowContext {
  /** The instance id (given with `workflow start --id`, else generated). */
  readonly workflowId: string;
  /** The workflow's name, as passed to `workflow()`. */
  readonly workflowName: string;
  /** True while the runtime answers calls from the journal (a restart replaying what already ran). */
  readonly isReplaying: boolean;
}

export interface WorkflowOptions<Input> {
  /** Checked when an instance starts; a failure names each field (E_WORKFLOW_INPUT). */
  input?: ZodType<Input>;
  /** Free text shown by `workflow list` and the dashboard. */
  description?: string;
}

export interface WorkflowDefinition<Input = unknown, Output = unknown> {
  readonly [WorkflowBrand]: true;
  readonly name: string;
  readonly options: WorkflowOptions<Input>;
  readonly run: (ctx: WorkflowContext, input: Input) => Promise<Output>;
}

/** Defines a workflow. `name` is what `orchestra workflow start NAME` takes. */
export function workflow<Input = unknown, Output = unknown>(
  name: string,
  run: (ctx: WorkflowContext, input: Input) => Promise<Output>,
  options: WorkflowOptions<Input> = {},
): WorkflowDefinition<Input, Output> {
  return { [WorkflowBrand]: true, name, options, run };
}

export function isWorkflowDefinition(value: unknown): value is WorkflowDefinition {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[WorkflowBrand] === true;
}
