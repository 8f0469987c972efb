import { join } from 'node:path';
import type { Outcome } from '../../core/outcome.js';
import { isSuccessful } from '../../core/outcome.js';
import { plural } from '../../core/plural.js';
import type { GraphNode } from '../../pipeline/graph/model.js';
import type { Handler, HandlerInput } from '../handler.js';
import { backoffDelay } from '../retry/backoff.js';
import { wantsRetry } from '../retry/retry-decision.js';
import type { RetryPolicy } from '../retry/retry-policy.js';
import { judgeAttempt, type AttemptVerdict } from './attempt-outcome.js';
import { readsExternalStatus, withHandlerContext } from './external-status.js';
import { ContextKeys } from './initial-context.js';
import { runAttempt } from './run-attempt.js';
import type { Frame, RunScope } from './run-scope.js';
import { statusFileName } from '../../store/run-dir/status-file.js';
import { clearAgentStatus, readAgentStatus } from './stage-files.js';

export interface NodeExecution {
  node: GraphNode;
  handlerType: string;
  handler: Handler;
  policy: RetryPolicy;
  timeoutMs: number | undefined;
  autoStatus: boolean;
  /** Everything the handler gets except attempt and signal. */
  input: Omit<HandlerInput, 'attempt' | 'signal'>;
}

export type NodeRunResult =
  /** `stored`: the last attempt's node records; the caller awaits it with the node's checkpoint (a failure there fails the run). */
  | { kind: 'done'; outcome: Outcome; index: number; durationMs: number; stored: Promise<void> }
  | { kind: 'aborted'; index: number };

/**
 * Runs a node until it has a final outcome (digest §11 with decisions 1, 2, 18, 19): SUCCESS,
 * PARTIAL_SUCCESS and SKIPPED end at once; RETRY uses the budget, then becomes PARTIAL_SUCCESS
 * (allow_partial) or FAIL; FAIL and errors use it only as `wantsRetry` says.
 * Every attempt is a node record and a node.started event.
 */
export async function executeNode(scope: RunScope, frame: Frame, execution: NodeExecution): Promise<NodeRunResult> {
  const { node, policy } = execution;
  const { store, clock, random } = scope.engine;
  const tags = { branch: frame.branch };
  const firstStart = clock.now();

  for (let attempt = 1; ; attempt++) {
    const index = scope.nextIndex();
    const startedAt = clock.now();
    // The handler need not wait for these writes: the store keeps their order, and the event log
    // announces node.started only once it is stored. Awaited after the attempt, so a failed write
    // still stops the node (the catch only keeps it from counting as unhandled meanwhile).
    const started = Promise.all([
      store.recordNodeStart({ runId: scope.runId, nodeId: node.id, index, attempt, handler: execution.handlerType, startedAt }),
      scope.events.emit({ type: 'node.started', node: node.id, index, handler: execution.handlerType, attempt }, tags),
    ]);
    started.catch(() => undefined);

    const verdict = await attemptOnce(scope, frame, execution, attempt);
    if (verdict.kind === 'aborted' || frame.signal.aborted) {
      await storedWithStart(started, store.recordNodeEnd(scope.runId, index, { status: 'fail', finishedAt: clock.now(), notes: undefined, failureReason: 'interrupted' }));
      return { kind: 'aborted', index };
    }

    const outcome = verdict.outcome;
    const canRetry = attempt < policy.maxAttempts && wantsRetry(verdict.kind === 'error' ? verdict : { kind: 'outcome', status: verdict.outcome.status }, policy);
    const final = canRetry ? outcome : finalOutcome(outcome, policy, attempt);
    const stored = storedWithStart(started, store.recordNodeEnd(scope.runId, index, { status: final.status, finishedAt: clock.now(), notes: final.notes, failureReason: final.failureReason }));

    if (!canRetry) {
      // Awaited by the caller together with the node's checkpoint, so that both share a commit.
      stored.catch(() => undefined);
      if (isSuccessful(final.status)) delete frame.progress.nodeRetries[node.id];
      if (final.status === 'fail') {
        await scope.events.emit({ type: 'node.failed', node: node.id, index, error: final.failureReason ?? 'failed', willRetry: false, attempt }, tags);
      }
      return { kind: 'done', outcome: final, index, durationMs: clock.now() - firstStart, stored };
    }
    await stored;

    const retries = (frame.progress.nodeRetries[node.id] ?? 0) + 1;
    frame.progress.nodeRetries[node.id] = retries;
    frame.progress.context.set(ContextKeys.retryCount(node.id), retries);
    const delayMs = backoffDelay(policy.backoff, attempt, random);
    const error = outcome.failureReason ?? `outcome ${outcome.status}`;
    await scope.events.emit(
      [
        { type: 'node.failed', node: node.id, index, error, willRetry: true, attempt },
        { type: 'node.retrying', node: node.id, index, attempt: attempt + 1, delayMs, error },
      ],
      tags,
    );
    try {
      await clock.sleep(delayMs, frame.signal);
    } catch {
      return { kind: 'aborted', index };
    }
  }
}

/**
 * Waits for the attempt's start and end records, issued before and after it: when the attempt did
 * not leave the event loop's turn they share one group commit. A failed start is reported first
 * (the end then fails too, for want of its record).
 */
async function storedWithStart(started: Promise<unknown>, ended: Promise<void>): Promise<void> {
  ended.catch(() => undefined);
  await started;
  await ended;
}

async function attemptOnce(scope: RunScope, frame: Frame, execution: NodeExecution, attempt: number): Promise<AttemptVerdict> {
  const stageDir = execution.input.stageDir;
  // Decision 18: only a status.json written during this attempt counts as the agent's (or tool's).
  const external = readsExternalStatus(execution.handlerType);
  if (external) {
    // A queued status.json from an earlier visit must land before it is cleared, not after.
    await scope.files.settle(join(stageDir, statusFileName)).catch(() => undefined);
    await clearAgentStatus(stageDir);
  }
  const result = await runAttempt(execution.handler, { ...execution.input, attempt }, frame.signal, execution.timeoutMs, scope.engine.clock);
  const verdict = judgeAttempt(result, execution.node.id, execution.autoStatus);
  if (!external || verdict.kind === 'aborted' || result.kind === 'timed_out') return verdict;
  try {
    const fromAgent = await readAgentStatus(stageDir);
    return fromAgent ? { kind: 'outcome', outcome: withHandlerContext(fromAgent, verdict.outcome) } : verdict;
  } catch (error) {
    // A malformed file is a FAIL naming the file and the problem, never a crash.
    return { kind: 'outcome', outcome: withHandlerContext({ status: 'fail', failureReason: (error as Error).message }, verdict.outcome) };
  }
}

/** Decision 2: a RETRY never leaves the node; with no attempts left it becomes PARTIAL_SUCCESS or FAIL. */
function finalOutcome(outcome: Outcome, policy: RetryPolicy, attempts: number): Outcome {
  if (outcome.status !== 'retry') return outcome;
  const detail = outcome.failureReason ? `: ${outcome.failureReason}` : '';
  if (policy.allowPartial) {
    const { failureReason: _reason, ...rest } = outcome;
    return { ...rest, status: 'partial_success', notes: `retries exhausted, partial accepted${detail}` };
  }
  return { ...outcome, status: 'fail', failureReason: `max retries exceeded (${plural(attempts, 'attempt')})${detail}` };
}
