import { dirname } from 'node:path';
import type { AgentBackend } from '../agents/backend.js';
import { createBackendRouter } from '../agents/router/index.js';
import { loadConfig } from '../config/index.js';
import type { Logger } from '../core/logger.js';

export interface BackendChoice {
  simulate: boolean;
  pipelineFile: string;
  env: Readonly<Record<string, string | undefined>>;
  logger: Logger;
}

/**
 * The one place that decides which AgentBackend a command runs with: orchestra.yaml (found from the
 * pipeline's directory up, then $ORCHESTRA_HOME/config.yaml) routes each node to the direct, agent,
 * cli or simulation backend; `--simulate` sends every node to the simulation. When nothing is
 * configured and no provider key is set, the run simulates and the user is told so, once.
 */
export async function chooseBackend(choice: BackendChoice, warn: (message: string) => void): Promise<AgentBackend> {
  const { config, file } = await loadConfig({ startDir: dirname(choice.pipelineFile), env: choice.env });
  if (!choice.simulate && config.backend === 'simulation' && config.backendSource !== 'file') {
    warn(
      `warning: no model is configured (${file ? `${file} sets no backend` : 'no orchestra.yaml'} and no provider key is set), so this run uses the simulation backend. ` +
        'Set ANTHROPIC_API_KEY or OPENAI_API_KEY, or pass --simulate to say so and silence this warning.',
    );
  }
  return createBackendRouter({ config, env: choice.env, simulate: choice.simulate, logger: choice.logger });
}
