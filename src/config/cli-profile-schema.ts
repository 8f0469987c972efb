import { z } from 'zod';
import { checkCliProfile } from './cli-profile-checks.js';
import { cliOutputSchema, resolveCliOutput, type ResolvedCliOutput } from './cli-output-schema.js';
import { usesPlaceholder, type ArgTemplate } from './cli-profile-placeholders.js';
import { envName, envPattern, text } from './schema-parts.js';

/**
 * The one format of a coding-agent CLI profile: a `cli_agents.<name>` stanza in orchestra.yaml, and
 * the built-in profiles the agents layer ships. `args` run the CLI headless (pipelines);
 * `interactive` runs its own TUI in a PTY (tasks). See docs/cli-agents.md.
 */

/** How a task learns the agent's session id: Orchestra assigns it, the agent reports it, or never. */
export const SessionIdModes = ['assign', 'report', 'none'] as const;
export type SessionIdMode = (typeof SessionIdModes)[number];

/** How a task's running / idle / waiting is told: hooks, a plugin, or output quiescence. */
export const StatusSources = ['claude-hooks', 'opencode-plugin', 'codex-hooks', 'gemini-hooks', 'quiescence'] as const;
export type StatusSource = (typeof StatusSources)[number];

/**
 * A CLI whose whole configuration Orchestra writes per session into a private home of its own
 * (a pipeline run's or node's directory, the task's state directory), never the user's: `codex`
 * writes `config.toml` (and a task's `hooks.json`) and points CODEX_HOME at it; `gemini` writes
 * `.gemini/settings.json` and points GEMINI_CLI_HOME at it.
 */
export const ConfigHomes = ['codex', 'gemini'] as const;
export type ConfigHome = (typeof ConfigHomes)[number];

/** How a task's prompt reaches an interactive agent: as `{prompt}`, typed into the PTY, or not at all. */
export const InteractivePromptVias = ['argument', 'type', 'none'] as const;
export type InteractivePromptVia = (typeof InteractivePromptVias)[number];

export const argTemplate = z.array(z.union([z.string(), z.array(z.string()).min(1, 'must have at least one element (a group of arguments)')]));
export const envRecord = z.record(envName, z.string());

const interactiveObject = z.strictObject({
  args: argTemplate.default([]),
  resume_args: argTemplate.optional(),
  session_id: z.enum(SessionIdModes).default('none'),
  status: z.enum(StatusSources).default('quiescence'),
  prompt_via: z.enum(InteractivePromptVias).optional(),
  env: envRecord.default({}),
  /** A regular expression every session id of this agent matches (whole id); see session-id-rule.ts. */
  session_id_pattern: z.string().min(1, 'must not be empty').refine(compiles, 'must be a valid regular expression').optional(),
  /** Orchestra's MCP server in the session's own config (claude-hooks and opencode-plugin agents); docs/mcp.md. */
  mcp: z.boolean().default(true),
  /** Claude Code asks Orchestra (a human task) instead of its own prompt: --permission-prompt-tool; docs/mcp.md. */
  approvals: z.boolean().default(false),
});

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

export const cliProfileObject = z.strictObject({
  command: text,
  args: argTemplate.optional(),
  prompt_via: z.enum(['argument', 'arg', 'stdin']).default('argument'),
  output: cliOutputSchema.default('text'),
  env: envRecord.default({}),
  /** The caller's variables the CLI needs (its key, base URL, config dir), beyond the base list. */
  pass_env: z.array(envPattern).default([]),
  models: z.record(z.string(), text).default({}),
  npm_package: text.optional(),
  install_hint: text.optional(),
  /** The first config format's name for install_hint. */
  install: text.optional(),
  version_args: z.array(z.string()).default(['--version']),
  config_home: z.enum(ConfigHomes).optional(),
  interactive: interactiveObject.optional(),
});
export type CliProfileObject = z.output<typeof cliProfileObject>;

/** The `cli_agents.<name>` schema: checked across keys, then resolved (every default filled in). */
export const cliProfileStanzaSchema = cliProfileObject.superRefine(checkCliProfile).transform(resolveCliProfileStanza);

/** A stanza as written (built-in profiles are typed with it). */
export type CliProfileStanza = z.input<typeof cliProfileStanzaSchema>;

/** A stanza after validation: what `ResolvedConfig.cliAgents` holds and the agents layer builds a CliProfile from. */
export interface ResolvedCliProfileStanza {
  command: string;
  args: ArgTemplate[];
  prompt_via: 'argument' | 'stdin';
  output: ResolvedCliOutput;
  env: Record<string, string>;
  pass_env: string[];
  models: Record<string, string>;
  npm_package?: string;
  /** install_hint, or the older install. */
  install?: string;
  version_args: string[];
  config_home?: ConfigHome;
  interactive?: ResolvedInteractiveStanza;
}

export interface ResolvedInteractiveStanza {
  args: ArgTemplate[];
  /** Absent: the agent cannot be resumed, a restart starts it fresh. */
  resume_args?: ArgTemplate[];
  session_id: SessionIdMode;
  status: StatusSource;
  prompt_via: InteractivePromptVia;
  env: Record<string, string>;
  session_id_pattern?: string;
  mcp: boolean;
  approvals: boolean;
}

/** Without `args`, the prompt is the only argument (or none, with prompt_via: stdin). */
export function defaultArgs(promptVia: CliProfileObject['prompt_via']): ArgTemplate[] {
  return promptVia === 'stdin' ? [] : ['{prompt}'];
}

/** Without prompt_via, an interactive prompt is an argument when args have {prompt}, else typed. */
export function defaultInteractivePromptVia(args: readonly ArgTemplate[]): InteractivePromptVia {
  return usesPlaceholder(args, 'prompt') ? 'argument' : 'type';
}

function resolveCliProfileStanza(stanza: CliProfileObject): ResolvedCliProfileStanza {
  const install = stanza.install_hint ?? stanza.install;
  const { interactive } = stanza;
  return {
    command: stanza.command,
    args: stanza.args ?? defaultArgs(stanza.prompt_via),
    prompt_via: stanza.prompt_via === 'stdin' ? 'stdin' : 'argument',
    output: resolveCliOutput(stanza.output),
    env: stanza.env,
    pass_env: stanza.pass_env,
    models: stanza.models,
    ...(stanza.npm_package !== undefined && { npm_package: stanza.npm_package }),
    ...(install !== undefined && { install }),
    version_args: stanza.version_args,
    ...(stanza.config_home !== undefined && { config_home: stanza.config_home }),
    ...(interactive !== undefined && {
      interactive: {
        args: interactive.args,
        ...(interactive.resume_args !== undefined && { resume_args: interactive.resume_args }),
        session_id: interactive.session_id,
        status: interactive.status,
        prompt_via: interactive.prompt_via ?? defaultInteractivePromptVia(interactive.args),
        env: interactive.env,
        ...(interactive.session_id_pattern !== undefined && { session_id_pattern: interactive.session_id_pattern }),
        mcp: interactive.mcp,
        approvals: interactive.approvals,
      },
    }),
  };
}
