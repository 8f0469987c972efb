import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { agentEnv, baseAgentEnv, passEnvList } from '../../config/index.js';
import { isOrchestraError } from '../../core/errors.js';
import { readString } from '../../pipeline/graph/attr-read.js';
import { makePrivateDir } from '../../core/private-files.js';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';
import type { AgentBackend, AgentRequest, AgentResult } from '../backend.js';
import { createActivityWatcher } from './agent-activity.js';
import { expandArgs } from './arg-template.js';
import { builtInCliProfiles } from './built-in-profiles.js';
import { cliResult, usageOf, type CliRun } from './cli-result.js';
import { prepareConfigHome } from './config-home.js';
import { modelFor, profileNameFor, timeoutMsFor, workDirFor } from './node-settings.js';
import { createOutputParser } from './output-parser.js';
import { cliMissingError } from './probe-profile.js';
import type { CliProfile } from './profile.js';
import { resolveCliCommand } from './resolve-command.js';
import { runCliProcess } from './run-process.js';
import { sessionIdProblem } from './session-id-rule.js';
import { createSessionRegistry, type SessionRegistry } from './session-registry.js';

export interface CliBackendOptions {
  /** Profiles by name, over the built-in ones (a same-named profile replaces the built-in). */
  profiles?: Readonly<Record<string, CliProfile>>;
  /** The caller's environment, default process.env; a CLI gets only the part cliEnvFor lets through, with its profile's `env` on top. */
  env?: NodeJS.ProcessEnv;
  /** `agent.pass_env` of orchestra.yaml. */
  passEnv?: readonly string[];
  /** The profile for nodes without a `cli` attribute; default `claude-code`. */
  defaultProfile?: string;
  /** Between SIGTERM and SIGKILL when a CLI is stopped; default 2 s. */
  killGraceMs?: number;
}

export interface CliBackend extends AgentBackend {
  readonly profiles: Readonly<Record<string, CliProfile>>;
  readonly sessions: SessionRegistry;
  /** Always a full result: usage figures ride along in the context updates. */
  run(request: AgentRequest): Promise<AgentResult>;
}

/**
 * The `cli` backend: runs the node's coding-agent CLI (a profile) as a subprocess in the node's
 * working directory, keeps its raw stdout in `{stage}/agent.log`, parses the answer and usage,
 * and resumes the thread's session for fidelity `full`. See docs/cli-agents.md.
 */
export function createCliBackend(options: CliBackendOptions = {}): CliBackend {
  const profiles = { ...builtInCliProfiles(), ...options.profiles };
  const sessions = createSessionRegistry();
  const defaultProfile = options.defaultProfile ?? 'claude-code';
  const killGraceMs = options.killGraceMs ?? 2_000;

  async function run(request: AgentRequest): Promise<AgentResult> {
    if (request.signal.aborted) throw request.signal.reason;
    const name = profileNameFor(request, defaultProfile);
    const profile = Object.hasOwn(profiles, name) ? profiles[name] : undefined;
    if (profile === undefined) return fail(`No CLI profile "${name}" for node "${request.node.id}"; known profiles: ${Object.keys(profiles).join(', ')}.`);

    const env: NodeJS.ProcessEnv = { ...cliEnvFor(options, profile, request), ...profile.env, ORCHESTRA_RUN_ID: request.runId, ORCHESTRA_NODE_ID: request.node.id, ORCHESTRA_STAGE_DIR: request.stageDir };
    const cwd = workDirFor(request);
    if (!(await isDirectory(cwd))) return fail(`CLI agent "${name}" cannot start: working directory ${cwd} does not exist.`);
    const command = resolveCliCommand(profile.command, env, cwd);
    if (command === undefined) return fail(notInstalled(profile));

    const resumeId = request.fidelity === 'full' && request.threadId !== undefined ? sessions.get(request.runId, name, request.threadId) : undefined;
    const prompt = resumeId === undefined && request.preamble.trim() !== '' ? `${request.preamble.trim()}\n\n${request.prompt}` : request.prompt;
    const freshSessionId = randomUUID();
    let args: string[];
    try {
      args = expandArgs(name, profile.args, {
        ...(profile.promptVia === 'argument' ? { prompt } : {}),
        model: modelFor(request, profile),
        ...(resumeId === undefined ? { session_id: freshSessionId } : { resume_id: resumeId }),
      });
    } catch (error) {
      if (isOrchestraError(error)) return fail(error.message);
      throw error;
    }

    await makePrivateDir(request.stageDir);
    // The agent may read earlier nodes' files from the run directory: they must be on disk first.
    await request.runFilesOnDisk?.();
    // The run's logs root (beside the node stage dirs) holds what the run's nodes share, e.g. CODEX_HOME.
    Object.assign(env, await prepareConfigHome(profile.configHome, { sessionDir: request.stageDir, runDir: dirname(request.stageDir), cwd, env }));
    const parser = createOutputParser(profile.output);
    // Each new activity becomes an agent.activity event, in order, for the live progress line.
    let announced = Promise.resolve();
    const activity = createActivityWatcher((now) => {
      announced = announced.then(() => request.emit?.({ type: 'agent.activity', node: request.node.id, activity: now })).catch(() => undefined);
    });
    const timeoutMs = timeoutMsFor(request);
    let process_;
    try {
      process_ = await runCliProcess({
        command, args, cwd, env, timeoutMs, killGraceMs,
        stdin: profile.promptVia === 'stdin' ? prompt : undefined,
        signal: request.signal,
        recorder: request.processes,
        stdoutLog: join(request.stageDir, 'agent.log'),
        stderrLog: join(request.stageDir, 'agent.stderr.log'),
        onStdout: (chunk) => {
          parser.push(chunk);
          activity.push(chunk);
        },
      });
    } catch (error) {
      return fail(`CLI agent "${name}" could not be started (${command}): ${error instanceof Error ? error.message : String(error)}`);
    }
    await announced;
    if (process_.stopped === 'aborted') throw request.signal.reason;

    const parsed = parser.end();
    if (parsed.sessionId === undefined && resumeId === undefined && args.includes(freshSessionId)) parsed.sessionId = freshSessionId;
    const cliRun: CliRun = { profileName: name, outputFormat: profile.output.format, parsed, process: process_, timeoutMs, resumed: resumeId !== undefined, lastActivity: activity.last };
    const sessionId = parsed.sessionId ?? resumeId;
    // The id is the CLI's output and becomes an argv element of the next call: only a well-formed one is kept (issue 8.9).
    if (request.threadId !== undefined && sessionId !== undefined && sessionIdProblem(sessionId, profile.interactive?.sessionIdPattern) === undefined) {
      sessions.set(request.runId, name, request.threadId, sessionId);
    }
    // The prompt is shown as <prompt>, also in the `--prompt=...` form (gemini).
    const argv = [command, ...args.map((arg) => (arg === prompt ? '<prompt>' : arg.endsWith(`=${prompt}`) ? `${arg.slice(0, -prompt.length)}<prompt>` : arg))];
    await writeFileAtomic(join(request.stageDir, 'usage.json'), `${JSON.stringify({ ...usageOf(cliRun), argv, cwd }, null, 2)}\n`);
    return cliResult(cliRun);
  }

  return { name: 'cli', createsStageDir: true, profiles, sessions, run };
}

/**
 * What of the caller's environment a CLI gets: the base list, what the CLI needs (its profile's
 * `pass_env`: its key, base URL, config), `agent.pass_env` and the node's `pass_env`. Not the rest:
 * the CLI's own shell tool passes its environment on to commands a model chose.
 */
function cliEnvFor(options: CliBackendOptions, profile: CliProfile, request: AgentRequest): Record<string, string> {
  const attribute = readString(request.node.attrs, 'pass_env') ?? readString(request.graph.attrs, 'pass_env');
  return agentEnv(options.env ?? process.env, [...baseAgentEnv, ...profile.passEnv, ...(options.passEnv ?? []), ...passEnvList(attribute)]);
}

/** The FAIL for a CLI that is not installed: the same message and hint `doctor` and `run` give. */
export function notInstalled(profile: CliProfile): string {
  const error = cliMissingError(profile);
  return `${error.message} ${error.hint ?? ''}`.trim();
}

function fail(failureReason: string): AgentResult {
  return { outcome: { status: 'fail', failureReason } };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
