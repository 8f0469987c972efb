import { isAbsolute } from 'node:path';
import type { ShellSandbox } from '../../../config/index.js';
import { ErrorCode, OrchestraError } from '../../../core/errors.js';
import type { ProcessRecorder } from '../../../sessions/held-spawn.js';
import { isInside } from './confine-path.js';
import { runProcess } from './run-process.js';

/** The argv that runs `command` with `/bin/sh -c` as the shell tool does, inside the sandbox or not. */
export function shellArgv(sandbox: ShellSandbox, command: string, workDir: string, home: string | undefined): [string, string[]] {
  if (sandbox === 'none') return ['/bin/sh', ['-c', command]];
  return ['bwrap', [...bubblewrapArgs(workDir, home), '--', '/bin/sh', '-c', command]];
}

/**
 * bubblewrap's options for the shell tool: the whole filesystem read-only, an empty /tmp, the
 * user's home hidden behind an empty one (keys in ~/.ssh, ~/.aws, ~/.config stay out of reach),
 * the working directory alone read-write, and every namespace unshared, the network included.
 * The sandbox dies with Orchestra (--die-with-parent).
 */
export function bubblewrapArgs(workDir: string, home: string | undefined): string[] {
  const hideHome = home !== undefined && isAbsolute(home) && home !== '/' && !isInside(workDir, home);
  return [
    '--ro-bind', '/', '/',
    '--dev', '/dev',
    '--proc', '/proc',
    '--tmpfs', '/tmp',
    ...(hideHome ? ['--tmpfs', home] : []),
    '--bind', workDir, workDir,
    '--chdir', workDir,
    '--setenv', 'TMPDIR', '/tmp',
    '--unshare-all',
    '--die-with-parent',
    '--new-session',
  ];
}

/**
 * Checks once per process that bubblewrap can start a sandbox here (installed, and user
 * namespaces allowed); a run configured for it fails at once instead of running commands unconfined.
 */
export function checkSandbox(sandbox: ShellSandbox, env: Readonly<Record<string, string | undefined>>, recorder?: ProcessRecorder): Promise<void> {
  if (sandbox === 'none') return Promise.resolve();
  probe ??= probeBubblewrap(env, recorder);
  return probe;
}

let probe: Promise<void> | undefined;

/** The check itself, uncached (tests call it with a PATH that has no bwrap). */
export async function probeBubblewrap(env: Readonly<Record<string, string | undefined>>, recorder?: ProcessRecorder): Promise<void> {
  const hint = 'Install bubblewrap (apt-get install bubblewrap) on a system that allows user namespaces, or set agent.shell_sandbox: none in orchestra.yaml.';
  let problem: string;
  try {
    const [file, args] = shellArgv('bubblewrap', 'exit 0', '/', undefined);
    const result = await runProcess(file, args, { cwd: '/', env, timeoutMs: 10_000, signal: new AbortController().signal, recorder });
    if (result.exitCode === 0) return;
    problem = `bwrap could not start a sandbox: ${result.output.trim() || `exit code ${result.exitCode}`}`;
  } catch (error) {
    problem = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'bwrap was not found on PATH' : `bwrap could not run: ${(error as Error).message}`;
  }
  throw new OrchestraError(ErrorCode.CONFIG, `agent.shell_sandbox is bubblewrap, but ${problem}.`, { hint });
}
