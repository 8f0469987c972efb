/*
 * What `workflow(name, fn)` returns (issue 11): a plain, branded value that a workflow file exports.
 * The loader (src/workflows/loader) finds every export carrying the brand; the runtime
 * (src/workflows/runtime) runs `run` by journal replay. Nothing here touches the store.
 */
import type { ZodType } from 'zod';
import type { JsonObject } from '../store/human-task-types.js';

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

/** The second argument of {@link workflow}'s options: how its input is checked and how it is described. */
export interface WorkflowOptions<Input> {
  /** A zod schema checked when an instance starts (a failure names each field: E_WORKFLOW_INPUT); the workflow's input type is inferred from it. */
  input?: ZodType<Input>;
  /** Free text shown by `workflow list` and the dashboard. */
  description?: string;
}

/** What {@link workflow} returns: export it from a file in `workflows/` and the worker finds it. */
export interface WorkflowDefinition<Input = unknown, Output = unknown> {
  readonly [WorkflowBrand]: true;
  /** What `orchestra workflow start NAME` takes; unique in a project. */
  readonly name: string;
  readonly options: WorkflowOptions<Input>;
  /** The workflow function; only the runtime calls it, with the context it owns. */
  readonly run: (ctx: WorkflowContext, input: Input) => Promise<Output>;
}

/**
 * Defines a durable workflow: an async function the runtime drives by journal replay, so it survives
 * crashes, restarts and days of waiting. `name` is what `orchestra workflow start NAME` takes.
 *
 * Durability: the function runs again from the top after any restart; each durable call in it
 * ({@link step}, {@link task}, {@link sleep}, {@link waitForSignal}, {@link patched}) is answered
 * from the instance's journal when it ran before, so side effects inside steps happen once. Code
 * outside durable calls must therefore take the same path on every run (no `Date.now()` or
 * `Math.random()` outside a step). The result must be JSON.
 *
 * The input is typed from `options.input` (a zod schema, checked when an instance starts); without
 * one it is a JSON object (what `--input '{…}'` gives), so its fields are JSON values.
 *
 * @example
 * ```ts
 * import { workflow, task, timeout } from 'orchestra';
 *
 * export const customerSupport = workflow('customer-support', async (ctx, input) => {
 *   const { question, conversationId, customerId } = input;
 *   const result = await task(ctx, {
 *     title: 'Customer needs help',
 *     form: { answer: { type: 'textarea', required: true } },
 *     assignTo: { group: 'support-l1' },
 *     context: { question, conversationId, customerId },
 *     sla: timeout('30m'),
 *   });
 *   return { answer: result.data.answer, handledBy: 'human' };
 * });
 * ```
 */
export function workflow<Input = JsonObject, Output = unknown>(
  name: string,
  run: (ctx: WorkflowContext, input: Input) => Promise<Output>,
  options: WorkflowOptions<Input> = {},
): WorkflowDefinition<Input, Output> {
  return { [WorkflowBrand]: true, name, options, run };
}

/** True for a value {@link workflow} made (what the loader looks for among a file's exports). */
export function isWorkflowDefinition(value: unknown): value is WorkflowDefinition {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[WorkflowBrand] === true;
}
