import { cliProfilesFor, installCommand, type CliProfile } from '../../agents/cli-agents/index.js';
import { isCliProfileExtension, type CliAgentEntry } from '../../config/index.js';
import type { ProfileView } from './schemas.js';

/**
 * The CLI agent profiles a project can use: the built-ins, changed or joined by its `cli_agents`.
 * Only the names of a profile's `env` are shown: a value there may be a credential, and the API
 * never hands one out.
 */
export function profileViews(cliAgents: Readonly<Record<string, CliAgentEntry>>): ProfileView[] {
  const profiles = cliProfilesFor(cliAgents);
  return Object.values(profiles)
    .map((profile) => profileView(profile, sourceOf(profile.name, cliAgents)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function sourceOf(name: string, cliAgents: Readonly<Record<string, CliAgentEntry>>): ProfileView['source'] {
  const entry = Object.hasOwn(cliAgents, name) ? cliAgents[name] : undefined;
  if (entry === undefined) return 'built-in';
  return isCliProfileExtension(entry) ? 'extended' : 'config';
}

function profileView(profile: CliProfile, source: ProfileView['source']): ProfileView {
  const envNames = new Set([...Object.keys(profile.env), ...Object.keys(profile.interactive?.env ?? {})]);
  return {
    name: profile.name,
    command: profile.command,
    source,
    model: Object.hasOwn(profile.models, 'worker') ? (profile.models['worker'] ?? null) : null,
    tiers: { ...profile.models },
    envNames: [...envNames].sort(),
    passEnv: [...profile.passEnv],
    interactive: profile.interactive !== undefined,
    install: installCommand(profile) ?? null,
  };
}
