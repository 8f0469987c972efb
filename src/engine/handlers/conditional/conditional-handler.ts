import type { BuiltInHandler } from '../built-in-handler.js';

/** A branch point (shape diamond): the run loop evaluates the edge conditions, not this handler (Attractor §4.7). */
export function createConditionalHandler(): BuiltInHandler {
  return {
    usesStageDir: false,
    async execute(input) {
      return { status: 'success', notes: `Conditional node evaluated: ${input.node.id}` };
    },
  };
}
