import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDaemonApi } from './daemon-api.js';
import { defaultHttpPort } from './http-address.js';
import { absentPorts } from '../../services/api/testing/absent-ports.js';

const home = mkdtempSync(join(tmpdir(), 'orchestra-daemon-api-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Holds the default port for the test; one something else already holds is as good. */
async function holdDefaultPort(): Promise<Server | undefined> {
  const holder = createServer();
  return new Promise((resolve, reject) => {
    holder.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(undefined) : reject(error)));
    holder.listen(defaultHttpPort, '127.0.0.1', () => resolve(holder));
  });
}

describe('startDaemonApi', () => {
  it('issue 12: when the default port is taken it takes a free one, says so in the log, and writes http.json', async () => {
    const holder = await holdDefaultPort();
    const warnings: string[] = [];
    const log = { info() {}, error() {}, warn: (message: string) => void warnings.push(message) };
    const api = await startDaemonApi({ home, env: {}, log, projects: { list: () => [] }, tasks: absentPorts().tasks, taskChanges: { onChange: () => () => undefined } });
    try {
      expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(api.url).not.toBe(`http://127.0.0.1:${defaultHttpPort}`);
      expect(warnings).toEqual([expect.stringContaining(`port ${defaultHttpPort} is taken`)]);
      expect(JSON.parse(readFileSync(join(home, 'daemon', 'http.json'), 'utf8'))).toEqual({ url: api.url, pid: process.pid });
    } finally {
      await api.stop();
      holder?.close();
    }
  });

  it('issue 12: a port asked for that is taken is E_USAGE naming it, not a silent other port', async () => {
    const first = await startDaemonApi({ home, env: { ORCHESTRA_HTTP_PORT: '0' }, log: { info() {}, warn() {}, error() {} }, projects: { list: () => [] }, tasks: absentPorts().tasks, taskChanges: { onChange: () => () => undefined } });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startDaemonApi({ home, env: {}, port, log: { info() {}, warn() {}, error() {} }, projects: { list: () => [] }, tasks: absentPorts().tasks, taskChanges: { onChange: () => () => undefined } })).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining(`127.0.0.1:${port}`) });
    } finally {
      await first.stop();
    }
  });
});
