import { isSuccessful, type Outcome } from '../../../core/outcome.js';
import { evaluateCondition } from '../../../pipeline/conditions/index.js';
import { readString } from '../../../pipeline/graph/attr-read.js';
import type { HandlerInput } from '../../handler.js';
import type { BuiltInHandler } from '../built-in-handler.js';
import { expandPrompt } from '../codergen/expand-prompt.js';
import { observeChild, telemetryUpdates, type ChildTelemetry } from './child-telemetry.js';
import { ManagerAction, resolveManagerOptions, type ManagerOptions } from './manager-options.js';
import { startChild, type SupervisedChild } from './start-child.js';
import { steerChild } from './steer-child.js';

// How long a stopped child may take to wind down before the manager returns anyway.
const childStopGraceMs = 10_000;

/**
 * Supervises a child pipeline (shape house, decision 20): each cycle observes the child into the
 * context, steers it, checks for its end and the stop condition, and waits. A child still running
 * when the manager returns is stopped, so it does not outlive its supervisor.
 */
export function createManagerLoopHandler(): BuiltInHandler {
  return {
    async execute(input: HandlerInput): Promise<Outcome> {
      const options = resolveManagerOptions(input.node);
      const started = await startChild(input, options.autostart);
      if (!started.ok) return { status: 'fail', failureReason: started.problem };
      const { child } = started;
      try {
        return await superviseChild(input, options, child);
      } finally {
        if (child?.startedHere && child.settled === undefined) {
          child.stop(new Error(`manager node "${input.node.id}" finished`));
          await Promise.race([child.ended, input.services.clock.sleep(childStopGraceMs).catch(() => {})]);
        }
      }
    },
  };
}

async function superviseChild(input: HandlerInput, options: ManagerOptions, child: SupervisedChild | undefined): Promise<Outcome> {
  const { node, services } = input;
  const local = input.context.clone();
  const updates: Record<string, unknown> = child ? { 'stack.child.run_id': child.runId } : {};
  const childName = child ? `Child run ${child.runId}` : 'The child (stack.child.* in the context)';
  local.applyUpdates(updates);
  const lookup = (key: string) => (local.has(key) ? local.getString(key) : undefined);
  const instructions = expandPrompt(readString(node.attrs, 'prompt') ?? '', input.graph, local, input.run.variables);
  let steered: string | undefined;
  let telemetry: ChildTelemetry | undefined;
  const end = (outcome: Outcome): Outcome => ({ ...outcome, contextUpdates: { ...updates } });

  for (let cycle = 1; cycle <= options.maxCycles; cycle++) {
    if (child && options.actions.has(ManagerAction.OBSERVE)) {
      telemetry = await observeChild(services.store, child.runId, child.settled);
      Object.assign(updates, telemetryUpdates(telemetry));
      local.applyUpdates(updates);
    }
    if (child && options.actions.has(ManagerAction.STEER)) {
      steered = (await steerChild(services.store, child.runId, instructions, steered)) ?? steered;
    }
    const status = local.getString('stack.child.status');
    await services.emit({ type: 'manager.cycle', node: node.id, cycle, childStatus: status || 'unknown' });

    if (status === 'completed' || status === 'failed') {
      const outcome = local.getString('stack.child.outcome');
      if (status === 'completed' && isSuccessful(outcome as Outcome['status'])) {
        return end({ status: 'success', notes: `${childName} completed: ${outcome}` });
      }
      const detail = telemetry?.error ? `: ${telemetry.error}` : '';
      const how = status === 'failed' ? `failed${detail}` : `completed with outcome ${outcome || 'unknown'}${detail}`;
      return end({ status: 'fail', failureReason: `${childName} ${how}` });
    }
    if (options.stopCondition && evaluateCondition(options.stopCondition, { outcome: '', preferredLabel: '', lookup })) {
      return end({ status: 'success', notes: `Stop condition holds: ${options.stopConditionText}` });
    }
    if (cycle < options.maxCycles && options.actions.has(ManagerAction.WAIT)) await waitForChild(input, options.pollIntervalMs, child);
    if (input.signal.aborted) throw input.signal.reason;
  }
  return end({ status: 'fail', failureReason: `Max cycles exceeded (${options.maxCycles}) while ${child ? `child run ${child.runId}` : 'the child'} was ${local.getString('stack.child.status') || 'unobserved'}` });
}

/** Sleeps one poll interval, or less when the child ends first; rejects when the node is cancelled. */
async function waitForChild(input: HandlerInput, pollIntervalMs: number, child: SupervisedChild | undefined): Promise<void> {
  const stopSleeping = new AbortController();
  const onAbort = () => stopSleeping.abort(input.signal.reason);
  input.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const slept = input.services.clock.sleep(pollIntervalMs, stopSleeping.signal);
    await Promise.race(child ? [slept, child.ended] : [slept]);
    stopSleeping.abort();
    await slept.catch(() => {});
  } finally {
    input.signal.removeEventListener('abort', onAbort);
  }
  if (input.signal.aborted) throw input.signal.reason;
}
