import { createConnection } from 'node:net';

export type SocketState = 'live' | 'stale' | 'absent';

/**
 * Whether a daemon listens on `socketPath`. A connect only needs the kernel, so a daemon that is busy
 * still counts as live; a refused connect means a socket file left behind by a daemon that died.
 */
export function probeSocket(socketPath: string, timeoutMs = 2_000): Promise<SocketState> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    const timer = setTimeout(() => finish('live'), timeoutMs);
    function finish(state: SocketState) {
      clearTimeout(timer);
      socket.destroy();
      resolve(state);
    }
    socket.once('connect', () => finish('live'));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      // ENOTSOCK and friends: something that is not a listening socket sits at the path, inside a 0700 dir of ours.
      finish(error.code === 'ENOENT' ? 'absent' : 'stale');
    });
  });
}
