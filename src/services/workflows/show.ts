import type { HumanTaskStatus } from '../../store/human-task-types.js';
import type { JournalEntry, WorkflowInstance, WorkflowSignal } from '../../store/workflow-types.js';
import { parseInput } from '../human-tasks/parse-input.js';
import { workflowDocs, type WorkflowServiceContext } from './context.js';
import { requireInstance } from './require-instance.js';
import { workflowIdInput } from './schemas.js';

/** The human task an instance waits on, so a person can answer it (`orchestra answer ID`). */
export interface PendingWorkflowTask {
  id: string;
  title: string;
  status: HumanTaskStatus;
}

export interface WorkflowInstanceDetail {
  /** Its state, version hash, input, result or error, and what it waits on. */
  instance: WorkflowInstance;
  /** Every durable call journaled so far, by position. */
  journal: JournalEntry[];
  /** The signals sent to it, received or still pending. */
  signals: WorkflowSignal[];
  pendingTask?: PendingWorkflowTask;
}

/** One instance of the caller's tenant with its journal, its signals and the human task it waits on. */
export async function getWorkflowInstance(ctx: WorkflowServiceContext, input: { id: string }): Promise<WorkflowInstanceDetail> {
  const { id } = parseInput(workflowIdInput, input, 'show a workflow instance', workflowDocs);
  const instance = await requireInstance(ctx, id);
  const [journal, signals] = await Promise.all([ctx.store.readJournal(ctx.scope, id), ctx.store.listSignals(ctx.scope, id)]);
  const wait = instance.status === 'waiting' ? instance.waitingOn : undefined;
  const task = wait?.kind === 'task' ? await ctx.store.getHumanTask(ctx.scope, wait.taskId) : undefined;
  return { instance, journal, signals, ...(task && { pendingTask: { id: task.id, title: task.title, status: task.status } }) };
}
