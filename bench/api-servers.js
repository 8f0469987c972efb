// The API benchmark's two servers, each a process of its own: the real daemon (`orchestra daemon
// start`, the built CLI, a temp ORCHESTRA_HOME, any free port) with a write token from `orchestra
// token create`, and the bare Hono peer (bench/api-bare.js).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

const orchestraBin = join(import.meta.dirname, '..', 'bin', 'orchestra.js');

function cli(args, env) {
  const result = spawnSync(process.execPath, [orchestraBin, ...args], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`orchestra ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout.trim();
}

/** The daemon serving; `{ name, url, token, pid, db, stop() }`. */
export async function startDaemon() {
  const home = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const env = { ...process.env, ORCHESTRA_HOME: home, ORCHESTRA_HTTP_PORT: '0' };
  try {
    cli(['daemon', 'start'], env);
    const token = cli(['token', 'create', '--name', 'bench', '--user', 'bench'], env);
    const { url, pid } = await httpFile(join(home, 'daemon', 'http.json'));
    return {
      name: 'orchestra',
      url,
      token,
      pid,
      db: join(home, 'orchestra.db'),
      stop() {
        try {
          cli(['daemon', 'stop'], env);
        } finally {
          rmSync(home, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    spawnSync(process.execPath, [orchestraBin, 'daemon', 'stop'], { env });
    rmSync(home, { recursive: true, force: true });
    throw error;
  }
}

/** The daemon writes http.json once it listens, which may be after `daemon start` returns. */
async function httpFile(path, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`the daemon wrote no ${path} within ${timeoutMs} ms`);
    await sleep(20);
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The bare Hono peer serving; `{ name, url, pid, stop() }`. */
export async function startBare() {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'api-bare.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await Promise.race([
    createInterface({ input: child.stdout })[Symbol.asyncIterator]().next().then((next) => [next.value]),
    new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`bench/api-bare.js exited ${code} before serving`)))),
  ]);
  const { url, pid } = JSON.parse(line);
  return { name: 'bare hono', url, pid, stop: () => child.kill('SIGTERM') };
}
