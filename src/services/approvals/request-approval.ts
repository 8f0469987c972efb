import { cancelHumanTask, createHumanTask, getHumanTask } from '../human-tasks/public.js';
import type { HumanTaskServiceContext } from '../human-tasks/context.js';
import type { HumanTask } from '../../store/human-task-types.js';
import { approvalForm, decisionOf, type ApprovalDecision, type ApprovalRequest } from './approval-form.js';

/** How the wait learns that the store changed: the daemon's shared watcher (FeedWakeup). */
export interface StoreWake {
  readonly generation: number;
  wait(seen: number, timeoutMs: number, signal: AbortSignal): Promise<unknown>;
}

export interface ApprovalOptions {
  /** Give up at this time (ms since the epoch): the human task is cancelled and the tool denied. */
  deadline: number;
  /** Store commits wake the wait; without one it looks again every `fallbackPollMs`. */
  wake?: StoreWake;
  /** What the person sees about who asks (the task's ref, say); goes into the context. */
  asker?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApprovalOutcome {
  decision: ApprovalDecision;
  humanTaskId: string;
}

const fallbackPollMs = 1_000;

/**
 * A coding agent's permission request (Claude Code's --permission-prompt-tool) as a human task,
 * answered from the inbox, the API or MCP like any other; resolves with the decision once a person
 * answers, or a denial when the task is cancelled or the deadline passes. The wait sleeps on store
 * changes (any process's commit), reading the task once per change: no busy loop.
 */
export async function requestApproval(ctx: HumanTaskServiceContext, request: ApprovalRequest, options: ApprovalOptions): Promise<ApprovalOutcome> {
  const created = await createHumanTask(ctx, {
    title: `Approve ${request.toolName}`,
    description: `A coding agent asks to run ${request.toolName} with the input in the context. Allow it (optionally with an edited input) or deny it with a message.`,
    form: approvalForm,
    context: { kind: 'approval', tool_name: request.toolName, input: request.input, ...(request.toolUseId !== undefined && { tool_use_id: request.toolUseId }), ...options.asker },
    createdBy: { kind: 'api', by: ctx.actor.id },
  });
  const id = created.id;
  for (;;) {
    const seen = options.wake?.generation ?? 0;
    const task = await getHumanTask(ctx, { id });
    const decided = decisionOfTask(task, request);
    if (decided !== undefined) return { decision: decided, humanTaskId: id };
    const remaining = options.deadline - ctx.now();
    if (remaining <= 0 || options.signal?.aborted === true) return { decision: await giveUp(ctx, id, request), humanTaskId: id };
    await waitForChange(options, seen, remaining);
  }
}

function decisionOfTask(task: HumanTask, request: ApprovalRequest): ApprovalDecision | undefined {
  if (task.status === 'completed' && task.answer !== undefined) return decisionOf(task.answer, request);
  if (task.status === 'cancelled' || task.status === 'expired') return { behavior: 'deny', message: `The approval of ${request.toolName} was ${task.status}; nothing ran.` };
  return undefined;
}

// Cancelled, so the inbox no longer offers a question nobody waits for; an answer that won the race stands.
async function giveUp(ctx: HumanTaskServiceContext, id: string, request: ApprovalRequest): Promise<ApprovalDecision> {
  try {
    await cancelHumanTask(ctx, { id, reason: 'nobody answered before the deadline' });
  } catch {
    const task = await getHumanTask(ctx, { id });
    const decided = decisionOfTask(task, request);
    if (decided !== undefined) return decided;
  }
  return { behavior: 'deny', message: `Nobody answered the approval of ${request.toolName} in time; nothing ran. Ask again or try another way.` };
}

async function waitForChange(options: ApprovalOptions, seen: number, remaining: number): Promise<void> {
  const signal = options.signal ?? new AbortController().signal;
  if (options.wake !== undefined) {
    await options.wake.wait(seen, remaining, signal);
    return;
  }
  await new Promise((resolve) => setTimeout(resolve, Math.min(remaining, fallbackPollMs)));
}
