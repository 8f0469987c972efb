import { spawn } from 'node:child_process';
import { closeSync, fchmodSync, openSync } from 'node:fs';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
// Not the sessions barrel: it loads node-pty, and every CLI task command imports this file.
import { agentMarkerVariable } from '../../sessions/marked-processes.js';
import { DaemonClient } from '../rpc/client.js';
import { readLogTail } from './daemon-log.js';
import type { DaemonPaths } from './daemon-paths.js';
import { readPidFile } from './pid-file.js';
import { preparePrivateDir } from './private-dir.js';
import { PRIVATE_FILE_MODE } from '../../core/private-files.js';

const retryMs = 25;
const attemptTimeoutMs = 1_000;

/**
 * Starts `command` detached from this process (own session, stdio appended to the daemon log,
 * unref'd), so it outlives the CLI and its terminal, then connects once its socket answers.
 * `won` is false when the child lost the single-instance race and the answering daemon is another
 * (told by the pid file, so `command` must exec the daemon rather than run it as a child).
 */
export async function spawnDaemon(
  paths: DaemonPaths,
  o: { home: string; command: string[]; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ client: DaemonClient; won: boolean }> {
  const [file, ...args] = o.command;
  if (file === undefined) throw new OrchestraError(ErrorCode.INTERNAL, 'ensureDaemon: the daemon command is empty');
  await preparePrivateDir(paths.dir);
  const logFd = openSync(paths.logFile, 'a', PRIVATE_FILE_MODE);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  let childPid: number | undefined;
  try {
    fchmodSync(logFd, PRIVATE_FILE_MODE);
    const child = spawn(file, args, {
      detached: true,
      // In its home, not the folder it was started from: that may be a task's worktree (an agent's
      // `orchestra mcp` or shell started it), which a merge deletes under a daemon still running there.
      cwd: o.home,
      stdio: ['ignore', logFd, logFd],
      // A daemon started from inside an agent (its shell runs `orchestra status`) must not carry
      // that agent's marker: it would count as one of its agents.
      env: { ...o.env, [agentMarkerVariable]: undefined, ORCHESTRA_HOME: o.home },
    });
    child.once('error', (error) => (spawnError = error));
    child.once('exit', (code, signal) => (exited = { code, signal }));
    child.unref();
    childPid = child.pid;
  } finally {
    closeSync(logFd);
  }

  const deadline = Date.now() + o.timeoutMs;
  for (;;) {
    const client = await DaemonClient.connect(paths.socket, { timeoutMs: attemptTimeoutMs }).catch(() => undefined);
    // The pid file is written under the startup lock just before the socket appears: it names the winner.
    if (client) return { client, won: childPid !== undefined && readPidFile(paths.pidFile)?.pid === childPid };
    if (spawnError) throw startFailed(paths, `it could not be started: ${spawnError.message}`);
    if (exited) throw startFailed(paths, `it exited (${exited.signal ?? `code ${exited.code}`}) before its socket answered`);
    if (Date.now() >= deadline) throw startFailed(paths, `its socket did not answer within ${o.timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
}

function startFailed(paths: DaemonPaths, why: string): OrchestraError {
  const tail = readLogTail(paths.logFile);
  return new OrchestraError(ErrorCode.DAEMON, `the daemon did not start: ${why}`, {
    detail: tail ? `last lines of ${paths.logFile}:\n${tail}` : undefined,
    hint: `See the full log in ${paths.logFile} (\`orchestra daemon logs\`).`,
  });
}
