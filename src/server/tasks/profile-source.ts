import { cliProfilesFor, type CliProfile } from '../../agents/cli-agents/index.js';
import { resolveCommand } from '../../agents/cli-agents/resolve-command.js';
import { closestName } from '../../core/closest-name.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { loadConfig } from '../../config/index.js';
import type { ProfileSource } from './service-context.js';

/** The agents tried, in this order, when a task names none (seed 002: Opencode first, Claude Code second). */
export const defaultAgentOrder = ['opencode', 'claude-code', 'codex', 'gemini'] as const;

/**
 * Agent profiles for a project: the built-ins plus the `cli_agents` of its orchestra.yaml, read
 * anew each time so that a config edit applies to the next start. A task that names no agent gets
 * the first built-in whose command is installed.
 */
export function createProfileSource(env: Readonly<Record<string, string | undefined>>): ProfileSource {
  return async (projectRoot, name) => {
    const { config, file } = await loadConfig({ startDir: projectRoot, env });
    const profiles = cliProfilesFor(config.cliAgents);
    if (name === undefined) return firstInstalled(profiles, env, projectRoot);
    const profile = profiles[name];
    if (profile !== undefined) return profile;
    const suggestion = closestName(name, Object.keys(profiles));
    throw new OrchestraError(ErrorCode.CONFIG, `unknown agent "${name}".`, {
      hint: `${suggestion === undefined ? '' : `Did you mean ${suggestion}? `}Known agents: ${Object.keys(profiles).join(', ')}; add one under cli_agents in ${file ?? 'orchestra.yaml'}.`,
    });
  };
}

function firstInstalled(profiles: Record<string, CliProfile>, env: Readonly<Record<string, string | undefined>>, cwd: string): CliProfile {
  for (const name of defaultAgentOrder) {
    const profile = profiles[name];
    if (profile !== undefined && resolveCommand(profile.command, env as NodeJS.ProcessEnv, cwd) !== undefined) return profile;
  }
  throw new OrchestraError(ErrorCode.CONFIG, 'no coding agent CLI is installed, and the task names none.', {
    hint: 'Install one (npm install -g opencode-ai, or @anthropic-ai/claude-code), or pass --agent <name> for one from cli_agents.',
  });
}
