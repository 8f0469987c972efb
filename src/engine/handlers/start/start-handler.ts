import type { BuiltInHandler } from '../built-in-handler.js';

/** The pipeline's entry (shape Mdiamond): nothing to do, the run loop routes on (Attractor §4.3). */
export function createStartHandler(): BuiltInHandler {
  return {
    usesStageDir: false,
    async execute() {
      return { status: 'success' };
    },
  };
}
