import type { BuiltInHandler } from '../built-in-handler.js';

/** The pipeline's exit (shape Msquare): runs after goal gates passed (decision 10) and does nothing. */
export function createExitHandler(): BuiltInHandler {
  return {
    usesStageDir: false,
    async execute() {
      return { status: 'success' };
    },
  };
}
