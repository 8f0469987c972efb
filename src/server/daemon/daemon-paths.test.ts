import { describe, expect, it } from 'vitest';
import { MAX_SOCKET_PATH_BYTES, daemonPaths } from './daemon-paths.js';

describe('daemonPaths', () => {
  it('keeps everything under <home>/daemon when the socket path is short', () => {
    expect(daemonPaths('/home/ann/.orchestra', '/tmp')).toEqual({
      dir: '/home/ann/.orchestra/daemon',
      socket: '/home/ann/.orchestra/daemon/daemon.sock',
      socketDir: '/home/ann/.orchestra/daemon',
      pidFile: '/home/ann/.orchestra/daemon/daemon.pid',
      logFile: '/home/ann/.orchestra/daemon/daemon.log',
      stateDir: '/home/ann/.orchestra/daemon/state',
      httpFile: '/home/ann/.orchestra/daemon/http.json',
    });
  });

  it.each([
    ['ascii', `/home/${'a'.repeat(90)}`],
    ['multi-byte characters counted as bytes', `/home/${'é'.repeat(40)}`],
  ])('moves a too-long socket to a hashed private dir under the temp dir (%s)', (_name, home) => {
    const paths = daemonPaths(home, '/tmp');
    expect(paths.socket).toMatch(/^\/tmp\/orchestra-[0-9a-f]{16}\/daemon\.sock$/);
    expect(paths.socketDir).toBe(paths.socket.replace(/\/daemon\.sock$/, ''));
    expect(paths.pidFile).toBe(`${home}/daemon/daemon.pid`);
    expect(Buffer.byteLength(paths.socket)).toBeLessThanOrEqual(MAX_SOCKET_PATH_BYTES);
  });

  it('gives each home its own fallback socket, and the same one every time', () => {
    const a = `/home/${'a'.repeat(100)}`;
    const b = `/home/${'b'.repeat(100)}`;
    expect(daemonPaths(a, '/tmp').socket).toBe(daemonPaths(a, '/tmp').socket);
    expect(daemonPaths(a, '/tmp').socket).not.toBe(daemonPaths(b, '/tmp').socket);
  });

  it('uses the socket path exactly at the limit', () => {
    const home = `/${'h'.repeat(MAX_SOCKET_PATH_BYTES - '/daemon/daemon.sock'.length - 1)}`;
    expect(Buffer.byteLength(`${home}/daemon/daemon.sock`)).toBe(MAX_SOCKET_PATH_BYTES);
    expect(daemonPaths(home, '/tmp').socket).toBe(`${home}/daemon/daemon.sock`);
  });
});
