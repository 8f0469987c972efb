import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * sun_path holds 104 bytes on macOS and 108 on Linux, NUL included. The daemon binds a temporary
 * name of the same length beside the socket first, so the limit applies to both.
 */
export const MAX_SOCKET_PATH_BYTES = 100;

export interface DaemonPaths {
  /** `<home>/daemon`, mode 0700: pid file, log and state. */
  dir: string;
  /** `<dir>/daemon.sock`, or, when that path is too long for a Unix socket, `<tmpdir>/orchestra-<hash of home>/daemon.sock`. */
  socket: string;
  /** The directory holding the socket: `dir`, or the private directory under the temp dir. */
  socketDir: string;
  pidFile: string;
  logFile: string;
  stateDir: string;
  /** `<dir>/http.json` (0600): the HTTP API's URL and the daemon's pid, while it serves (issue 12). */
  httpFile: string;
}

/**
 * Where the daemon of one Orchestra home keeps its files. A home deep enough to push the socket path
 * past MAX_SOCKET_PATH_BYTES gets its socket in the temp dir instead, named from a hash of the home
 * so that each home still has exactly one; that directory is created 0700 like `dir`.
 */
export function daemonPaths(home: string, tempDir: string = tmpdir()): DaemonPaths {
  const dir = join(home, 'daemon');
  const preferred = join(dir, 'daemon.sock');
  const socketDir = Buffer.byteLength(preferred) <= MAX_SOCKET_PATH_BYTES ? dir : join(tempDir, `orchestra-${hashOf(home)}`);
  return {
    dir,
    socket: join(socketDir, 'daemon.sock'),
    socketDir,
    pidFile: join(dir, 'daemon.pid'),
    logFile: join(dir, 'daemon.log'),
    stateDir: join(dir, 'state'),
    httpFile: join(dir, 'http.json'),
  };
}

function hashOf(home: string): string {
  return createHash('sha256').update(home).digest('hex').slice(0, 16);
}
