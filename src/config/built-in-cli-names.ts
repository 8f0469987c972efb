/** Profiles the agents layer ships; a `cli_agents` stanza of the same name extends one (cli-profile-extension.ts). */
export const BuiltInCliProfiles = ['claude-code', 'opencode', 'codex', 'gemini'] as const;
