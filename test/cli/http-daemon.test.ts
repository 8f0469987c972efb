import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, eventually, killGroup, runBin, spawnCli, type Spawned } from './helpers/spawn-cli.js';

// The daemon's HTTP API (issue 12): started with the daemon on a port of its own, found through
// <home>/daemon/http.json and `daemon status`, gone with the daemon; `orchestra serve` in the foreground.

let home: string;
let serving: Spawned | undefined;
const env = { ORCHESTRA_HTTP_PORT: '0' };

beforeAll(() => assertBuilt());
afterEach(async () => {
  killGroup(serving?.child.pid);
  serving = undefined;
  await runBin(['daemon', 'stop'], { cwd: home, home, env });
  rmSync(home, { recursive: true, force: true });
});

function freshHome(): string {
  home = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-http-daemon-')));
  return home;
}

const httpFile = () => join(home, 'daemon', 'http.json');
const readHttp = (): { url: string; pid: number } | undefined => (existsSync(httpFile()) ? (JSON.parse(readFileSync(httpFile(), 'utf8')) as { url: string; pid: number }) : undefined);

describe('the daemon\'s HTTP API', () => {
  it('issue 12: daemon start serves HTTP on 127.0.0.1, http.json (0600) names it, status shows it, stop removes it', async () => {
    freshHome();
    expect((await runBin(['daemon', 'start'], { cwd: home, home, env })).code).toBe(0);
    const http = await eventually(readHttp, 'http.json');
    expect(http.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(http.url).not.toBe('http://127.0.0.1:4777');
    expect(statSync(httpFile()).mode & 0o777).toBe(0o600);

    const health = await fetch(`${http.url}/health`);
    expect(await health.json()).toEqual({ ok: true });
    // No token is valid until tokens are wired: the rest is behind 401.
    const open = await fetch(`${http.url}/openapi.json`);
    expect((await open.json()) as object).toMatchObject({ openapi: '3.1.0' });
    const denied = await fetch(`${http.url}/anything`, { headers: { authorization: 'Bearer nope' } });
    expect(denied.status).toBe(401);

    const status = await runBin(['daemon', 'status', '--json'], { cwd: home, home, env });
    expect(JSON.parse(status.stdout)).toMatchObject({ running: true, pid: http.pid, url: http.url });
    expect((await runBin(['daemon', 'status'], { cwd: home, home, env })).stdout).toContain(`HTTP API ${http.url}`);

    expect((await runBin(['daemon', 'stop'], { cwd: home, home, env })).code).toBe(0);
    expect(existsSync(httpFile())).toBe(false);
    await expect(fetch(`${http.url}/health`)).rejects.toThrow();
  });

  it('issue 15: daemon status asked right after a command started the daemon has the URL (it waits for the HTTP API)', async () => {
    freshHome();
    // The daemon answers on its socket before its HTTP API listens: status is asked in that moment.
    expect((await runBin(['daemon', 'start'], { cwd: home, home, env })).code).toBe(0);
    const status = await runBin(['daemon', 'status', '--json'], { cwd: home, home, env });
    expect(status.code, status.stderr).toBe(0);
    const shown = JSON.parse(status.stdout) as { url?: string; pid: number };
    expect(shown.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(readHttp()).toEqual({ url: shown.url, pid: shown.pid });
    expect(await (await fetch(`${shown.url}/health`)).json()).toEqual({ ok: true });
  });

  it('issue 12: orchestra serve prints its URL, answers there, and stops on SIGINT, removing http.json', async () => {
    freshHome();
    serving = spawnCli(['serve', '--port', '0'], { cwd: home, home, env });
    const out = await serving.waitForStdout(/orchestra serves (http:\/\/127\.0\.0\.1:\d+)/);
    const url = /orchestra serves (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] as string;
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ ok: true });
    expect(readHttp()).toEqual({ url, pid: serving.child.pid });
    expect(serving.stderr()).not.toContain('WARNING');

    serving.child.kill('SIGINT');
    expect((await serving.exited).code).toBe(0);
    expect(existsSync(httpFile())).toBe(false);
  });

  it('issue 12: a bad --port or ORCHESTRA_HTTP_PORT is a usage error naming it', async () => {
    freshHome();
    const bad = await runBin(['serve', '--port', '99999'], { cwd: home, home, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port must be a port number');
    const badEnv = await runBin(['serve'], { cwd: home, home, env: { ORCHESTRA_HTTP_PORT: 'http' } });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toContain('ORCHESTRA_HTTP_PORT must be a port number');
  });

  it("issue 12: serve takes config.yaml's http: section under the flags: its CORS origin is allowed, a bad value is E_CONFIG at its line", async () => {
    freshHome();
    writeFileSync(join(home, 'config.yaml'), 'http:\n  port: 99999\n');
    const bad = await runBin(['serve'], { cwd: home, home, env: {} });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('error[E_CONFIG]: http.port: 99999 Too big');
    expect(bad.stderr).toContain('--> config.yaml:2:9');

    writeFileSync(join(home, 'config.yaml'), 'http:\n  port: 1\n  cors_origins: [http://localhost:5173]\n');
    // --port wins over config.yaml's port 1 (which an unprivileged user could not bind).
    serving = spawnCli(['serve', '--port', '0'], { cwd: home, home, env: {} });
    const out = await serving.waitForStdout(/orchestra serves (http:\/\/127\.0\.0\.1:\d+)/);
    const url = /orchestra serves (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] as string;
    const allowed = await fetch(`${url}/health`, { headers: { origin: 'http://localhost:5173' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect((await fetch(`${url}/health`, { headers: { origin: 'http://localhost:5174' } })).status).toBe(403);
  });
});
