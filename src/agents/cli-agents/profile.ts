import type { ArgTemplate, ConfigHome, InteractivePromptVia, Reduce, SessionIdMode, StatusSource } from '../../config/index.js';

/**
 * A coding-agent CLI described as data, so that adding a CLI is a config stanza (`cli_agents` in
 * orchestra.yaml) and the built-in ones are just stanzas we ship. Nothing here is a shell string:
 * every argument is one argv element. Built from a stanza by cliProfileFromStanza.
 */
export interface CliProfile {
  /** The key it is known by: `claude-code`, or the name under `cli_agents`. */
  name: string;
  /** The executable: a name looked up on PATH, or a path. */
  command: string;
  /**
   * The headless argument template (pipelines). A string is one argv element whose
   * `{placeholders}` are filled in; a list is a group of elements kept only when every placeholder
   * in it has a value (an optional flag such as `["--model", "{model}"]`). An element with an empty
   * placeholder outside a group is an error at run time.
   */
  args: readonly ArgTemplate[];
  /** `argument`: the prompt fills `{prompt}`; `stdin`: it is written to the CLI's standard input. */
  promptVia: PromptVia;
  output: OutputSpec;
  /** Added to the environment the CLI runs with, headless and interactive. */
  env: Readonly<Record<string, string>>;
  /** The caller's variables the CLI needs (names or `PREFIX_*`) on top of the base list (agentEnv). */
  passEnv: readonly string[];
  /** Model for each tier (`smart`, `worker`, `cheap`) when a node names a tier in `llm_model`. */
  models: Readonly<Record<string, string>>;
  /** The npm package that installs the CLI, for the "not installed" hint. */
  npmPackage: string | undefined;
  /** Install instructions when the CLI is not an npm package. */
  installHint: string | undefined;
  /** Arguments that print the version without side effects, used to check readiness. */
  versionArgs: readonly string[];
  /** Orchestra writes the CLI's configuration into a private home per session (see ConfigHomes); undefined: the CLI's own. */
  configHome?: ConfigHome | undefined;
  /** How a task runs the CLI's own TUI in a PTY; absent: `command` alone, the prompt typed in. */
  interactive?: InteractiveSpec;
}

/** The `interactive` section: a task's agent, resumable, with its status told by hooks or output. */
export interface InteractiveSpec {
  /** A new session; placeholders {prompt}, {model}, {session_id}. */
  args: readonly ArgTemplate[];
  /** Continuing a session after a daemon restart or for feedback; undefined: cannot resume. */
  resumeArgs: readonly ArgTemplate[] | undefined;
  sessionId: SessionIdMode;
  status: StatusSource;
  promptVia: InteractivePromptVia;
  /** On top of the profile's `env`. */
  env: Readonly<Record<string, string>>;
  /** What the agent's session ids look like (a whole-id regular expression); undefined: the safe rule only. */
  sessionIdPattern?: string | undefined;
  /** Orchestra's MCP server in the session's config (Claude Code: --mcp-config; Opencode: OPENCODE_CONFIG_CONTENT). Default true. */
  mcp?: boolean;
  /** Claude Code's permission requests become human tasks (--permission-prompt-tool). Default false. */
  approvals?: boolean;
}

export const PromptVia = { argument: 'argument', stdin: 'stdin' } as const;
export type PromptVia = (typeof PromptVia)[keyof typeof PromptVia];

export type OutputSpec = { format: 'text' } | { format: 'jsonl'; fields: OutputFields };

/** Where each figure is found in the CLI's JSON lines. All optional: a CLI reports what it reports. */
export interface OutputFields {
  text?: FieldSpec;
  sessionId?: FieldSpec;
  costUsd?: FieldSpec;
  turns?: FieldSpec;
  toolUses?: FieldSpec;
  isError?: FieldSpec;
}

export const OutputFieldKeys = ['text', 'sessionId', 'costUsd', 'turns', 'toolUses', 'isError'] as const;
export type OutputFieldKey = (typeof OutputFieldKeys)[number];

/**
 * A dotted path into one JSON line (`message.content[].name`: `[]` walks every element of an array),
 * read only from lines whose `when` paths equal the given values, combined across lines by `reduce`.
 */
export interface FieldSpec {
  path: string;
  when?: Readonly<Record<string, string | number | boolean>>;
  reduce: Reduce;
}

/** The shell-free install command for a profile, for hints. */
export function installCommand(profile: CliProfile): string | undefined {
  if (profile.npmPackage !== undefined) return `npm install -g ${profile.npmPackage}`;
  return profile.installHint;
}

const tiers: readonly string[] = ['smart', 'worker', 'cheap'];

/** The CLI's model for `model`: a tier goes through `models` (unmapped: the CLI's default), anything else as is. */
export function profileModel(profile: CliProfile, model: string | undefined): string | undefined {
  const wanted = model?.trim();
  if (!wanted) return undefined;
  if (!tiers.includes(wanted)) return wanted;
  return Object.hasOwn(profile.models, wanted) ? profile.models[wanted] : undefined;
}
