import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDaemonApi } from './daemon-api.js';
import { defaultHttpPort } from './http-address.js';
import { absentPorts } from '../../services/api/testing/absent-ports.js';

const home = mkdtempSync(join(tmpdir(), 'orchestra-daemon-api-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** A port free a moment ago, for a config that must name one. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const quiet = { info() {}, warn() {}, error() {} };
const noTasks = { projects: { list: () => [] }, tasks: absentPorts().tasks, taskChanges: { onChange: () => () => undefined } };

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

  it("issue 12: config.yaml's http: section names the port and the CORS origins: an allowed origin gets CORS headers and its preflight, another origin 403", async () => {
    const configured = mkdtempSync(join(tmpdir(), 'orchestra-daemon-api-cors-'));
    const port = await freePort();
    writeFileSync(join(configured, 'config.yaml'), `http:\n  host: 127.0.0.1\n  port: ${port}\n  cors_origins: [http://localhost:5173]\n`);
    const api = await startDaemonApi({ home: configured, env: {}, log: quiet, ...noTasks });
    try {
      expect(api.url).toBe(`http://127.0.0.1:${port}`);
      const allowed = await fetch(`${api.url}/health`, { headers: { origin: 'http://localhost:5173' } });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      const preflight = await fetch(`${api.url}/human-tasks`, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      for (const init of [{ headers: { origin: 'https://evil.example' } } as RequestInit, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }]) {
        const refused = await fetch(`${api.url}/health`, init);
        expect(refused.status).toBe(403);
        expect(refused.headers.get('access-control-allow-origin')).toBeNull();
        expect(await refused.json()).toMatchObject({ code: 'E_FORBIDDEN' });
      }
    } finally {
      await api.stop();
      rmSync(configured, { recursive: true, force: true });
    }
  });

  it('issue 12: ORCHESTRA_HTTP_PORT wins over config.yaml; a bad config.yaml is its E_CONFIG with file:line:col', async () => {
    const configured = mkdtempSync(join(tmpdir(), 'orchestra-daemon-api-config-'));
    try {
      // config.yaml names a port something holds: the variable's 0 (any free port) must win over it.
      const holder = createServer();
      await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
      const held = (holder.address() as { port: number }).port;
      writeFileSync(join(configured, 'config.yaml'), `http:\n  port: ${held}\n`);
      const api = await startDaemonApi({ home: configured, env: { ORCHESTRA_HTTP_PORT: '0' }, log: quiet, ...noTasks });
      expect(api.url).not.toBe(`http://127.0.0.1:${held}`);
      await api.stop();
      await expect(startDaemonApi({ home: configured, env: {}, log: quiet, ...noTasks })).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining(`127.0.0.1:${held}`) });
      holder.close();
      writeFileSync(join(configured, 'config.yaml'), 'http:\n  cors_origins: [https://app.example.com/ui]\n');
      await expect(startDaemonApi({ home: configured, env: {}, log: quiet, ...noTasks })).rejects.toMatchObject({ code: 'E_CONFIG', location: { file: join(configured, 'config.yaml'), line: 2, column: 18 } });
    } finally {
      rmSync(configured, { recursive: true, force: true });
    }
  });
});
