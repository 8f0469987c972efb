import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, stat } from 'node:fs/promises';
import type { Server } from 'node:net';
import { join } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { DaemonPaths } from './daemon-paths.js';
import { readPidFile, writePidFile, type PidRecord } from './pid-file.js';
import { probeSocket } from './socket-probe.js';
import { withStartupLock } from './startup-lock.js';
import { PRIVATE_FILE_MODE } from '../../core/private-files.js';

/**
 * Makes `server` the one daemon of a home. It listens on a temporary name beside the socket, set to
 * 0600 before anyone can see it, then, holding the startup lock: a live socket at the real path means
 * another daemon runs (E_DAEMON naming its pid); otherwise the pid file is written and the temporary
 * socket renamed over the path, replacing a stale one atomically. Returns the socket's inode, so
 * `close()` removes only its own socket.
 */
export async function claimSocket(server: Server, paths: DaemonPaths, record: PidRecord): Promise<number> {
  // Same length as "daemon.sock", so the limit checked by daemonPaths holds for this name too.
  const temp = join(paths.socketDir, `.${randomBytes(5).toString('hex')}`);
  await listen(server, temp);
  try {
    await chmod(temp, PRIVATE_FILE_MODE);
    await withStartupLock(join(paths.dir, 'daemon.lock'), async () => {
      if ((await probeSocket(paths.socket)) === 'live') throw alreadyRunning(paths);
      await writePidFile(paths.pidFile, record);
      await rename(temp, paths.socket);
    });
    return (await stat(paths.socket)).ino;
  } catch (error) {
    await new Promise((resolve) => server.close(resolve));
    await rm(temp, { force: true });
    throw error;
  }
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function alreadyRunning(paths: DaemonPaths): OrchestraError {
  const pid = readPidFile(paths.pidFile)?.pid;
  return new OrchestraError(ErrorCode.DAEMON, `a daemon already runs (pid ${pid ?? 'unknown'}) on ${paths.socket}`, {
    hint: 'Use it (`orchestra daemon status`), or stop it first with `orchestra daemon stop`.',
  });
}
