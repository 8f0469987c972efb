import { cliProfilesFor, probeCliProfile, type CliProfile } from '../../agents/cli-agents/index.js';
import type { ResolvedConfig } from '../../config/index.js';
import { isOrchestraError } from '../../core/index.js';
import type { DoctorCheck } from './doctor-check.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * One line per CLI profile (the built-ins with orchestra.yaml's `cli_agents` applied, and the
 * config's own): found the way `run` finds it (probeCliProfile), its `version_args` run. A
 * missing CLI is a problem only when the config uses it; otherwise it is information.
 */
export async function checkAgentClis(config: ResolvedConfig | undefined, env: Env, cwd: string): Promise<DoctorCheck[]> {
  let profiles: Record<string, CliProfile>;
  try {
    profiles = cliProfilesFor(config?.cliAgents ?? {});
  } catch (error) {
    if (!isOrchestraError(error)) throw error;
    return [{ area: 'config', name: 'cli_agents', status: 'problem', detail: error.message, fix: error.hint ?? 'Fix cli_agents in orchestra.yaml.' }];
  }
  const needed = neededProfiles(config);
  const checks = await Promise.all(
    Object.values(profiles).map(async (profile): Promise<DoctorCheck> => {
      const probe = await probeCliProfile(profile, env as NodeJS.ProcessEnv, cwd);
      const name = profile.name;
      if (probe.problem === undefined) return { area: 'agent-cli', name, status: 'ok', detail: `${probe.version ?? 'answers'} (${probe.path})` };
      const required = needed.has(name);
      const fix = probe.problem.hint ?? '';
      return required ? { area: 'agent-cli', name, status: 'problem', detail: probe.problem.message, fix } : { area: 'agent-cli', name, status: 'info', detail: `${probe.problem.message} ${fix}`.trim() };
    }),
  );
  return [...checks, ...cliBackendCheck(config, checks)];
}

/** The profiles the config will run: each agent's `cli`, and claude-code for `backend: cli`. */
function neededProfiles(config: ResolvedConfig | undefined): Set<string> {
  const needed = new Set<string>();
  for (const agent of Object.values(config?.agents ?? {})) if (agent.cli !== undefined) needed.add(agent.cli);
  return needed;
}

/** With `backend: cli`, at least one agent CLI has to be there. */
function cliBackendCheck(config: ResolvedConfig | undefined, checks: readonly DoctorCheck[]): DoctorCheck[] {
  if (config?.backend !== 'cli' || checks.some((check) => check.status === 'ok')) return [];
  return [{ area: 'agent-cli', name: 'backend cli', status: 'problem', detail: 'the config selects the cli backend but no agent CLI is installed', fix: 'npm install -g @anthropic-ai/claude-code' }];
}
