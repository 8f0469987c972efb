import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { JsonValue } from '../../store/human-task-types.js';
import { isFinished } from '../../store/workflow-rules.js';
import type { WorkflowError, WorkflowInstance } from '../../store/workflow-types.js';
import type { WorkflowContext, WorkflowDefinition } from '../definition.js';
import { requirePort } from './require-port.js';
import { startWorkflow } from './start-workflow.js';
import { StepError, toWorkflowError } from './step-error.js';
import { runOf, type WorkflowRun } from './workflow-run.js';

export interface ChildOptions {
  /** The child's instance id; `<parent>:<position>` when absent (the same on every replay, so it is started once). */
  id?: string;
  /** The journal name; the child workflow's name when absent. */
  name?: string;
}

/**
 * Starts a child workflow (parentId set: cancelling the parent cancels it) and waits until it
 * finishes; returns its result, journaled (kind `child`). A child that fails or is cancelled throws
 * a StepError with its error, on every replay alike. The parent waits without a process: the store
 * wakes it in the transaction that finishes the child. Pass the definition, or its name when the
 * worker has the workflows loaded (`definitions` port).
 */
export async function child<I, O>(ctx: WorkflowContext, definition: WorkflowDefinition<I, O> | string, input: I, options: ChildOptions = {}): Promise<O> {
  const run = runOf(ctx);
  const name = options.name ?? (typeof definition === 'string' ? definition : definition.name);
  return run.call(async () => {
    const { position, entry } = run.next({ kind: 'child', name });
    if (entry) return answer<O>(name, entry);
    await run.beginNew();
    const found = resolve(run, definition);
    const id = options.id ?? childInstanceId(run.workflowId, position);
    let instance: WorkflowInstance;
    try {
      instance = (await startWorkflow(run.deps, found, input, { id, parentId: run.workflowId })).instance;
    } catch (error) {
      // Bad input for the child is the parent's outcome at this call, the same on every replay.
      return answer<O>(name, await run.journalAt(position, { kind: 'child', name, error: toWorkflowError(error) }));
    }
    if (!isFinished(instance.status)) return run.suspend({ kind: 'child', instanceId: id }, position, { kind: 'child', name });
    return answer<O>(name, await run.journalAt(position, { kind: 'child', name, ...childOutcome(instance) }));
  });
}

export function childInstanceId(parentId: string, position: number): string {
  return `${parentId}:${position}`;
}

function resolve<I, O>(run: WorkflowRun, definition: WorkflowDefinition<I, O> | string): WorkflowDefinition<I, O> {
  if (typeof definition !== 'string') return definition;
  const found = requirePort(run, 'definitions', `child(ctx, "${definition}")`)(definition);
  if (found) return found as WorkflowDefinition<I, O>;
  throw new OrchestraError(ErrorCode.WORKFLOW_NOT_FOUND, `workflow "${run.workflowName}" starts a child workflow "${definition}", which is not loaded`, {
    hint: 'Check the name, and that its file is in the project\'s workflows/ folder (`orchestra workflow check`).',
  });
}

function childOutcome(instance: WorkflowInstance): { result: JsonValue } | { error: WorkflowError } {
  if (instance.status === 'completed') return { result: instance.result ?? null };
  if (instance.status === 'failed') return { error: instance.error ?? { code: ErrorCode.WORKFLOW_FAILED, message: `child workflow ${instance.id} failed` } };
  return { error: toWorkflowError(new OrchestraError(ErrorCode.WORKFLOW_STATE, `child workflow ${instance.id} was cancelled`)) };
}

function answer<O>(name: string, entry: { result?: JsonValue; error?: WorkflowError }): O {
  if (entry.error) throw new StepError(name, entry.error);
  return entry.result as O;
}
