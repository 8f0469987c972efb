import { createConnection, type Socket } from 'node:net';
import { ErrorCode, OrchestraError } from '../../core/errors.js';

/** A connected Unix socket, or E_DAEMON naming the path and why (ENOENT, ECONNREFUSED, timeout). */
export function connectSocket(socketPath: string, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(cannotConnect(socketPath, `no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      reject(cannotConnect(socketPath, error.code ?? error.message, error));
    });
  });
}

function cannotConnect(socketPath: string, why: string, cause?: unknown): OrchestraError {
  return new OrchestraError(ErrorCode.DAEMON, `cannot connect to the daemon at ${socketPath}: ${why}`, {
    hint: 'Start it with `orchestra daemon start`; `orchestra daemon logs` shows why it stopped.',
    cause,
  });
}
