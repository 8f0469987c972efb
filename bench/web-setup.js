/* global fetch */
// The dashboard benchmark's set-up: the real daemon (the built CLI, a temp ORCHESTRA_HOME, any free
// port) serving a git project, a write token, and Debian's Chromium driven by playwright-core,
// logged in with `orchestra open --print`'s link, with Playwright tracing on.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const orchestraBin = join(import.meta.dirname, '..', 'bin', 'orchestra.js');
const chromiumPath = process.env.ORCHESTRA_CHROMIUM ?? '/usr/bin/chromium';

/** `{ home, project, url, token, env, cli(args), stop() }`: a daemon serving a fresh git project. */
export function startDaemon() {
  if (!existsSync(join(import.meta.dirname, '..', 'dist', 'web', 'index.html'))) throw new Error('dist/web is missing: run `npm run build` first (npm run bench:web does).');
  const root = mkdtempSync(join(tmpdir(), 'bench-web-'));
  const home = join(root, 'home');
  const project = join(root, 'project');
  mkdirSync(project);
  const git = (...args) => execFileSync('git', args, { cwd: project, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'bench@orchestra.invalid');
  git('config', 'user.name', 'Orchestra Bench');
  writeFileSync(join(project, 'README.md'), 'a project\n');
  git('add', '.');
  git('commit', '-q', '-m', 'initial');
  const env = { ...process.env, ORCHESTRA_HOME: home, ORCHESTRA_HTTP_PORT: '0', ORCHESTRA_QUIET_DAEMON: '1', NO_COLOR: '1' };
  const cli = (args) => {
    const result = spawnSync(process.execPath, [orchestraBin, ...args], { cwd: project, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`orchestra ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return result.stdout.trim();
  };
  try {
    // A command run in the project makes the daemon serve it (and starts the daemon).
    cli(['status']);
    const { url } = JSON.parse(cli(['daemon', 'status', '--json']));
    const token = cli(['token', 'create', '--name', 'bench-web', '--scope', 'write']);
    return {
      root, home, project, url, token, env, cli,
      stop() {
        try {
          cli(['daemon', 'stop']);
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    spawnSync(process.execPath, [orchestraBin, 'daemon', 'stop'], { env });
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/** The API with the daemon's write token; throws on a non-2xx answer. */
export async function api(daemon, method, path, body) {
  const response = await fetch(`${daemon.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${daemon.token}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text === '' ? undefined : JSON.parse(text);
}

/** Headless Chromium logged in to the daemon, tracing; `{ context, page, stopTracing() }`. */
export async function openBrowser(daemon) {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium`);
  const profile = join(daemon.root, 'chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 800 },
  });
  await context.tracing.start({ screenshots: false, snapshots: false, title: 'orchestra dashboard benchmark' });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(daemon.cli(['open', '--print']));
  await page.waitForURL(/#\/runs$/, { timeout: 30_000 });
  return {
    context,
    page,
    async close() {
      const trace = join(mkdtempSync(join(tmpdir(), 'bench-web-trace-')), 'trace.zip');
      await context.tracing.stop({ path: trace });
      await context.close();
      return trace;
    },
  };
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
