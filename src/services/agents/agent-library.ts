import { loadConfig } from '../../config/index.js';
import { composedPipelineViews } from './composed-pipelines.js';
import { profileViews } from './profile-views.js';
import { agentViews, promptLayerViews, shownPath } from './prompt-layers.js';
import type { AgentLibrary } from './schemas.js';

/**
 * A project's agent library (issue 15, seed 003): the CLI agent profiles it can use, its agents and
 * their prompt layers (orchestra.yaml, read anew each time as a task start does), and its pipelines
 * as composable nodes. `project` is a known project's real path (requireKnownProject).
 */
export async function agentLibrary(project: string, env: Readonly<Record<string, string | undefined>>): Promise<AgentLibrary> {
  const { config, file } = await loadConfig({ startDir: project, env });
  return {
    project,
    configFile: file === undefined ? null : shownPath(project, file),
    profiles: profileViews(config.cliAgents),
    agents: agentViews(config.agents),
    layers: await promptLayerViews(project, config.agents),
    pipelines: await composedPipelineViews(project),
  };
}
