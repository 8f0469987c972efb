import { randomUUID } from 'node:crypto';
import { usesPlaceholder, type ArgTemplate } from '../../config/index.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { HookSource } from './agent-report.js';
import { expandArgs, type PlaceholderValues } from './arg-template.js';
import { claudeHookSettings } from './claude-hooks.js';
import { prepareConfigHome } from './config-home.js';
import { installOpencodePlugin, withOpencodePlugin } from './opencode-plugin.js';
import { claudeMcpOptions, withOpencodeMcp, type OrchestraMcpServer } from './orchestra-mcp.js';
import { profileModel, type CliProfile, type InteractiveSpec } from './profile.js';
import { describeSessionId, sessionIdProblem } from './session-id-rule.js';

export interface InteractiveLaunchInput {
  /** The task's description; ignored on resume (the session has it). */
  prompt: string;
  /** A model id or a tier (mapped through the profile's `models`). */
  model?: string;
  /** The agent session id known for the task; required to resume. */
  sessionId?: string;
  resume: boolean;
  /**
   * The argv hooks and plugins run to report status, without its source: `claude`, `opencode`, `codex` or `gemini` is
   * appended here, e.g. [node, orchestra.js, 'hook'] runs `orchestra hook claude`.
   */
  hookCommand: string[];
  /** A directory of the task's own where plugin files may be written. */
  stateDir: string;
  /** The environment the agent starts from; its OPENCODE_CONFIG_CONTENT is merged, not replaced. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where the agent will run (the task's worktree): Codex's config trusts it. */
  cwd?: string;
  /**
   * Orchestra's MCP server for the session (Claude Code: --mcp-config; Opencode: its config
   * variable), unless the profile says `mcp: false`; absent: none.
   */
  mcpServer?: OrchestraMcpServer;
}

export interface InteractiveLaunch {
  command: string;
  args: string[];
  /** Added on top of the environment the agent starts from. */
  env: Record<string, string>;
  /** Known up front (assigned, or the resumed one); else the agent reports it. */
  sessionId?: string;
  /** To type into the PTY, followed by Enter, once the agent's screen is quiet. */
  typePrompt?: string;
}

// A profile without `interactive`: its command alone, the prompt typed in, no resume.
const plainSpec: InteractiveSpec = { args: [], resumeArgs: undefined, sessionId: 'none', status: 'quiescence', promptVia: 'type', env: {} };

/** Whether a task's agent can be resumed with what is known (else it starts fresh). */
export function canResume(profile: CliProfile, sessionId: string | undefined): boolean {
  return resumeProblem(profile.interactive ?? plainSpec, sessionId) === undefined;
}

/**
 * The argv and environment that start a task's agent in its own TUI: a new session (with a fresh
 * UUID when the profile assigns ids) or, with `resume`, the known session. Adds the status
 * plumbing the profile names: Claude Code hooks through `--settings`, the Opencode plugin, or
 * Codex hooks in the hooks.json of its own CODEX_HOME, or Gemini CLI hooks in the settings of its
 * own GEMINI_CLI_HOME (config_home); and Orchestra's MCP server in the session's config (mcpServer).
 * A resume that is not possible throws E_USAGE (see canResume), so the caller can start fresh.
 */
export async function interactiveLaunch(profile: CliProfile, input: InteractiveLaunchInput): Promise<InteractiveLaunch> {
  const spec = profile.interactive ?? plainSpec;
  if (input.resume) {
    const problem = resumeProblem(spec, input.sessionId);
    if (problem !== undefined) throw new OrchestraError(ErrorCode.USAGE, `CLI profile "${profile.name}" cannot resume: ${problem}.`, { hint: 'Start the agent fresh instead.' });
  }
  const sessionId = input.resume ? input.sessionId : spec.sessionId === 'assign' ? randomUUID() : undefined;
  const prompt = input.prompt.trim() === '' ? undefined : input.prompt;
  const values: PlaceholderValues = {
    ...(prompt !== undefined && !input.resume && spec.promptVia === 'argument' && { prompt }),
    ...definedAs('model', profileModel(profile, input.model)),
    ...definedAs('session_id', sessionId),
  };
  const template = input.resume ? (spec.resumeArgs ?? []) : spec.args;
  const env: Record<string, string> = { ...profile.env, ...spec.env };
  let args = expandArgs(profile.name, template, values);
  const mcpServer = spec.mcp === false ? undefined : input.mcpServer;
  // Approvals need the daemon's HTTP API, which the MCP server's presence stands for.
  const approvals = spec.approvals === true && mcpServer !== undefined;
  if (spec.status === 'claude-hooks') args = beforeOptionEnd(args, ['--settings', claudeHookSettings(withSource(input.hookCommand, 'claude'), { approvals })]);
  if (spec.status === 'claude-hooks' && mcpServer !== undefined) args = beforeOptionEnd(args, await claudeMcpOptions(input.stateDir, mcpServer, spec.approvals === true));
  if (spec.status === 'opencode-plugin') {
    const pluginUrl = await installOpencodePlugin(input.stateDir, withSource(input.hookCommand, 'opencode'));
    env.OPENCODE_CONFIG_CONTENT = withOpencodePlugin(env.OPENCODE_CONFIG_CONTENT ?? input.env?.OPENCODE_CONFIG_CONTENT, pluginUrl);
    if (mcpServer !== undefined) env.OPENCODE_CONFIG_CONTENT = withOpencodeMcp(env.OPENCODE_CONFIG_CONTENT, mcpServer);
  }
  const hookSource = configHomeHooks[spec.status];
  const hookCommand = hookSource === undefined ? undefined : withSource(input.hookCommand, hookSource);
  Object.assign(env, await prepareConfigHome(profile.configHome, { sessionDir: input.stateDir, runDir: input.stateDir, cwd: input.cwd ?? process.cwd(), env: { ...input.env, ...env }, hookCommand }));
  return {
    command: profile.command,
    args,
    env,
    ...(sessionId !== undefined && { sessionId }),
    ...(prompt !== undefined && !input.resume && spec.promptVia === 'type' && { typePrompt: prompt }),
  };
}

function resumeProblem(spec: InteractiveSpec, sessionId: string | undefined): string | undefined {
  const resumeArgs: readonly ArgTemplate[] | undefined = spec.resumeArgs;
  if (resumeArgs === undefined || spec.sessionId === 'none') return 'its profile has no interactive.resume_args';
  if (!usesPlaceholder(resumeArgs, 'session_id')) return undefined;
  if (sessionId === undefined) return 'no agent session id is known for this task';
  // The id becomes an argv element (after --resume, say): one that is not an id could be an option.
  const problem = sessionIdProblem(sessionId, spec.sessionIdPattern);
  return problem === undefined ? undefined : `the task's agent session id ${describeSessionId(sessionId)} is not one this agent makes: ${problem}`;
}

// Without its source `orchestra hook` fails, and Claude Code takes a hook's exit code 2 (a usage
// error) for "block": the prompt would never reach the model. An empty command stays empty, to be refused.
// The statuses whose hooks go into the config home Orchestra writes, and the source they report as.
const configHomeHooks: Partial<Record<InteractiveSpec['status'], HookSource>> = { 'codex-hooks': 'codex', 'gemini-hooks': 'gemini' };

function withSource(hookCommand: readonly string[], source: HookSource): string[] {
  return hookCommand.length === 0 ? [] : [...hookCommand, source];
}

function definedAs(name: 'model' | 'session_id', value: string | undefined): PlaceholderValues {
  return value === undefined ? {} : { [name]: value };
}

// Options added after a lone `--` would be read as the prompt: put them before it.
function beforeOptionEnd(args: string[], options: string[]): string[] {
  const end = args.indexOf('--');
  return end === -1 ? [...args, ...options] : [...args.slice(0, end), ...options, ...args.slice(end)];
}
