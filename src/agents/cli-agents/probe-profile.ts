import { execFile } from 'node:child_process';
import { installCommand, type CliProfile } from './profile.js';
import { resolveCommand } from './resolve-command.js';

export interface CliProbe {
  profile: string;
  /** Where the command was found; undefined when it is not installed. */
  path: string | undefined;
  /** First line the version command printed, when it ran. */
  version: string | undefined;
  /** Why the CLI is not ready, with the fix; undefined when it is. */
  problem: string | undefined;
}

/** Readiness for `orchestra doctor`: is the command on PATH, and does its version command answer? */
export async function probeCliProfile(profile: CliProfile, env: NodeJS.ProcessEnv = process.env, timeoutMs = 15_000): Promise<CliProbe> {
  const path = resolveCommand(profile.command, env, process.cwd());
  if (path === undefined) {
    const install = installCommand(profile);
    return { profile: profile.name, path, version: undefined, problem: `"${profile.command}" is not on PATH${install === undefined ? '' : `; install it with: ${install}`}.` };
  }
  return new Promise((resolve) => {
    execFile(path, [...profile.versionArgs], { env: { ...env, ...profile.env }, timeout: timeoutMs }, (error, stdout, stderr) => {
      const firstLine = `${stdout}`.trim().split('\n')[0] || undefined;
      if (error) resolve({ profile: profile.name, path, version: firstLine, problem: `"${[path, ...profile.versionArgs].join(' ')}" failed: ${`${stderr}`.trim() || error.message}` });
      else resolve({ profile: profile.name, path, version: firstLine, problem: undefined });
    });
  });
}
