import type { AgentBackend } from '../agents/backend.js';
import { createSimulationBackend } from '../agents/simulation/index.js';

/**
 * The one place that decides which AgentBackend a command runs with. Until real LLM backends
 * exist (issue 3) every run simulates; without `--simulate` the user is told so, once.
 */
export function chooseBackend(options: { simulate: boolean }, warn: (message: string) => void): AgentBackend {
  if (!options.simulate) {
    warn('warning: real LLM backends come with issue 3; this run uses the simulation backend (pass --simulate to say so and silence this warning).');
  }
  return createSimulationBackend();
}
