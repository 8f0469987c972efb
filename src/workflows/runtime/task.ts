import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { FormDefinition, JsonObject, JsonValue } from '../../store/human-task-types.js';
import type { WorkflowContext } from '../definition.js';
import type { WorkflowTaskOutcome, WorkflowTaskRequest } from './deps.js';
import { toDuration } from './duration.js';
import type { FormAnswer, FormSpec, TaskOptions, TaskResult } from './task-types.js';
import { TaskUnansweredError } from './task-unanswered.js';
import { runOf, type WorkflowRun } from './workflow-run.js';

/**
 * Asks a person and waits for the answer: creates a human task (in `orchestra inbox`, the API and the
 * dashboard) and suspends the workflow until it is answered. The answer's type comes from the form
 * as written, without `as const`: a `required: true` field is present, a select's value is the union
 * of its options' values, a `number` field a number, a `boolean` a boolean, others a string.
 *
 * Durability: the task's id is `wf:<instance>:<position>`, so a replay finds the same task instead of
 * making another; while it waits the instance is `waiting` and holds no process (a worker restart
 * loses nothing). The answer is journaled once, so the workflow sees it exactly once.
 *
 * A task that ends without an answer (it expired: its escalation chain ended in `expire`; or it was
 * cancelled) throws {@link TaskUnansweredError}; an escalation that ends with a default answer
 * completes the task with that answer instead.
 *
 * @example
 * ```ts
 * const result = await task(ctx, {
 *   title: 'Customer needs help',
 *   form: {
 *     answer: { type: 'textarea', required: true },
 *     sentiment: { type: 'select', options: [{ value: 'positive', label: 'Positive' }, { value: 'frustrated', label: 'Frustrated' }] },
 *   },
 *   assignTo: { group: 'support-l1' },
 *   context: { conversationId, customerId },
 *   sla: timeout('30m'),
 * });
 * result.data.answer; // string
 * result.data.sentiment; // 'positive' | 'frustrated' | undefined
 * ```
 */
export async function task<const F extends FormSpec>(ctx: WorkflowContext, options: TaskOptions<F>): Promise<TaskResult<FormAnswer<F>>> {
  const run = runOf(ctx);
  return run.call(async () => {
    const name = options.name ?? options.title;
    const { position, entry } = run.next({ kind: 'task', name });
    if (entry) return fromJournal<FormAnswer<F>>(name, entry.result);
    await run.beginNew();
    const humanTasks = run.deps.humanTasks;
    if (!humanTasks) throw new OrchestraError(ErrorCode.INTERNAL, `workflow "${run.workflowName}" calls task() but this worker has no human-task service`, { hint: 'Run workflows through the daemon or `orchestra worker`, which provide it.' });
    const request = taskRequest(run, position, name, options);
    await humanTasks.open(request);
    const outcome = await humanTasks.take(request.id);
    if (!outcome) return run.suspend({ kind: 'task', taskId: request.id }, position, { kind: 'task', name });
    const written = await run.journalAt(position, { kind: 'task', name, result: toResult(outcome) });
    return fromJournal<FormAnswer<F>>(name, written.result);
  });
}

/** The journal keeps how the task ended and its answer; only a completed one returns (the form checked the answer's shape). */
function fromJournal<D>(name: string, result: JsonValue | undefined): TaskResult<D> {
  const { status, data, answeredBy, answeredAt } = (result ?? {}) as { status?: string; data?: JsonObject; answeredBy?: string; answeredAt?: number };
  if (status === 'expired' || status === 'cancelled') throw new TaskUnansweredError(name, status, data ?? {});
  return { status: 'completed', data: (data ?? {}) as D, answeredBy: answeredBy ?? 'unknown', answeredAt: answeredAt ?? 0 };
}

function taskRequest(run: WorkflowRun, position: number, name: string, options: TaskOptions<FormSpec>): WorkflowTaskRequest {
  const assignTo = options.assignTo;
  return {
    id: `wf:${run.workflowId}:${position}`,
    workflowId: run.workflowId,
    step: name,
    title: options.title,
    description: options.description ?? '',
    form: JSON.parse(JSON.stringify(options.form)) as FormDefinition,
    context: JSON.parse(JSON.stringify(options.context ?? {})) as JsonObject,
    ...(assignTo && { assignee: 'group' in assignTo ? { kind: 'group' as const, id: assignTo.group } : { kind: 'user' as const, id: assignTo.user } }),
    ...(options.priority && { priority: options.priority }),
    ...(options.sla !== undefined && { sla: toDuration(options.sla, 'sla').text }),
    ...(options.escalation && { escalation: options.escalation }),
  };
}

function toResult(outcome: WorkflowTaskOutcome): JsonValue {
  return { status: outcome.status, data: outcome.answer ?? {}, ...(outcome.answeredBy !== undefined && { answeredBy: outcome.answeredBy }), ...(outcome.answeredAt !== undefined && { answeredAt: outcome.answeredAt }) };
}
