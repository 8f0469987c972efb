import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { FormDefinition, JsonObject, JsonValue } from '../../store/human-task-types.js';
import type { WorkflowContext } from '../definition.js';
import type { WorkflowTaskOutcome, WorkflowTaskRequest } from './deps.js';
import { toDuration } from './duration.js';
import type { FormAnswer, FormSpec, TaskOptions, TaskResult } from './task-types.js';
import { runOf, type WorkflowRun } from './workflow-run.js';

/**
 * Asks a person: creates a human task (id `wf:<instance>:<position>`, so a replay finds it again)
 * and suspends the workflow until the task is completed, expired or cancelled; then returns its
 * status and answer, typed from the form. The answer is journaled, so it is seen exactly once.
 */
export async function task<const F extends FormSpec>(ctx: WorkflowContext, options: TaskOptions<F>): Promise<TaskResult<FormAnswer<F>>> {
  const run = runOf(ctx);
  return run.call(async () => {
    const name = options.name ?? options.title;
    const { position, entry } = run.next({ kind: 'task', name });
    if (entry) return entry.result as unknown as TaskResult<FormAnswer<F>>;
    await run.beginNew();
    const humanTasks = run.deps.humanTasks;
    if (!humanTasks) throw new OrchestraError(ErrorCode.INTERNAL, `workflow "${run.workflowName}" calls task() but this worker has no human-task service`, { hint: 'Run workflows through the daemon or `orchestra worker`, which provide it.' });
    const request = taskRequest(run, position, name, options);
    await humanTasks.open(request);
    const outcome = await humanTasks.take(request.id);
    if (!outcome) return run.suspend({ kind: 'task', taskId: request.id }, position, { kind: 'task', name });
    const written = await run.journalAt(position, { kind: 'task', name, result: toResult(outcome) });
    return written.result as unknown as TaskResult<FormAnswer<F>>;
  });
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
  return { status: outcome.status, data: outcome.answer ?? {} };
}
