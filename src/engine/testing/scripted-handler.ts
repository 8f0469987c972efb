import type { Outcome } from '../../core/outcome.js';
import type { Handler, HandlerInput } from '../handler.js';

/** What one call of a scripted node does: return an outcome, throw, or run a function. */
export type ScriptStep = Outcome | Error | undefined | ((input: HandlerInput) => Promise<Outcome | undefined> | Outcome | undefined);

export interface ScriptedHandler extends Handler {
  /** Calls per node id, including retries. */
  readonly calls: Map<string, number>;
  /** Every call in order, as node ids. */
  readonly order: string[];
  readonly inputs: HandlerInput[];
}

/**
 * A handler driven by a per-node script, consumed one step per call (the last step repeats).
 * Nodes without a script succeed. `undefined` in a script returns no outcome (decision 18).
 */
export function createScriptedHandler(script: Record<string, ScriptStep[]> = {}): ScriptedHandler {
  const calls = new Map<string, number>();
  const order: string[] = [];
  const inputs: HandlerInput[] = [];
  return {
    calls,
    order,
    inputs,
    async execute(input) {
      const id = input.node.id;
      const count = (calls.get(id) ?? 0) + 1;
      calls.set(id, count);
      order.push(id);
      inputs.push(input);
      const steps = script[id];
      if (!steps || steps.length === 0) return { status: 'success', notes: `ran ${id}` };
      const step = steps[Math.min(count, steps.length) - 1];
      if (step instanceof Error) throw step;
      if (typeof step === 'function') return step(input);
      return step && structuredClone(step);
    },
  };
}
