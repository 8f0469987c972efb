import { spawn } from 'node:child_process';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { installCommand, type CliProfile } from './profile.js';
import { resolveCliCommand } from './resolve-command.js';

export interface CliProbe {
  profile: string;
  /** Where the command was found; undefined when it is not installed. */
  path: string | undefined;
  /** First line the version command printed, when it ran. */
  version: string | undefined;
  /** Why the CLI is not ready, with the fix; undefined when it is. */
  problem: OrchestraError | undefined;
}

/**
 * The one "is this CLI installed" answer, for `doctor`, for `run` before it creates a run, and for
 * the cli backend: the profile's command through resolveCliCommand, else E_AGENT_CLI_MISSING.
 */
export function locateCli(profile: CliProfile, env: NodeJS.ProcessEnv, cwd: string): { path: string } | { problem: OrchestraError } {
  const path = resolveCliCommand(profile.command, env, cwd);
  return path === undefined ? { problem: cliMissingError(profile) } : { path };
}

/** A CLI that is not there: what was looked for where, and how to install it. */
export function cliMissingError(profile: CliProfile): OrchestraError {
  const install = installCommand(profile);
  const isPath = profile.command.includes('/');
  const where = isPath ? `${profile.command} does not exist or is not executable` : `"${profile.command}" was found neither on PATH nor in a node_modules/.bin`;
  const how = install === undefined ? `Install "${profile.command}", or set cli_agents.${profile.name}.command to its path.` : `Install it with: ${install} (or set cli_agents.${profile.name}.command to its path).`;
  return new OrchestraError(ErrorCode.AGENT_CLI_MISSING, `CLI agent "${profile.name}" is not installed: ${where}.`, { hint: how });
}

/**
 * Readiness for `orchestra doctor`: the command found as `run` finds it, then its `version_args`
 * run with the profile's `env` on top of `env`; a version command that fails is a problem too.
 */
export async function probeCliProfile(profile: CliProfile, env: NodeJS.ProcessEnv, cwd: string, timeoutMs = 15_000): Promise<CliProbe> {
  const located = locateCli(profile, env, cwd);
  if ('problem' in located) return { profile: profile.name, path: undefined, version: undefined, problem: located.problem };
  const { path } = located;
  const result = await runVersion(path, profile.versionArgs, { ...env, ...profile.env }, cwd, timeoutMs);
  if (result.ok) return { profile: profile.name, path, version: result.text, problem: undefined };
  const shown = [path, ...profile.versionArgs].join(' ');
  const install = installCommand(profile);
  const problem = new OrchestraError(ErrorCode.AGENT_CLI_MISSING, `CLI agent "${profile.name}" does not answer: "${shown}" failed (${result.text}).`, {
    hint: install === undefined ? `Check that ${path} runs, or set cli_agents.${profile.name}.version_args.` : `Reinstall it: ${install}, or set cli_agents.${profile.name}.version_args.`,
  });
  return { profile: profile.name, path, version: undefined, problem };
}

/** Runs a version command; its first line, or why it failed. */
export function runVersion(path: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, timeoutMs: number): Promise<{ ok: boolean; text: string }> {
  return new Promise((resolve) => {
    const child = spawn(path, [...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ ok: false, text: error.message }));
    child.on('close', (code, signal) => {
      const firstLine = output.trim().split('\n')[0] ?? '';
      resolve(code === 0 ? { ok: true, text: firstLine } : { ok: false, text: signal ? `killed by ${signal}` : `exit ${code}${firstLine ? `: ${firstLine}` : ''}` });
    });
  });
}
