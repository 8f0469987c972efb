import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

/*
 * Debian's Firefox ESR driven over WebDriver BiDi (the W3C protocol Firefox speaks natively) for the
 * dashboard's Firefox check (issue 15). Playwright's Firefox needs its own patched build, which
 * cannot be downloaded here, and playwright-core's BiDi mode sends commands ESR does not know yet
 * (emulation.setMediaFeaturesOverride); the few commands a smoke test needs are this small client.
 */

export const firefoxPath = process.env.ORCHESTRA_FIREFOX ?? '/usr/bin/firefox-esr';

/** Nothing the browser would fetch for itself: the test's requests are the page's alone. */
const prefs: Readonly<Record<string, string | boolean | number>> = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.update.enabled': false,
  'browser.newtabpage.enabled': false,
  'remote.prefs.recommended': true,
};

export interface Firefox {
  version: string;
  /** Console errors and uncaught exceptions of the page. */
  errors: string[];
  goto(url: string): Promise<void>;
  /** Runs `expression` in the page (awaited when a promise) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Waits until `expression` is truthy in the page, or throws after `timeoutMs`. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<Firefox> {
  if (!existsSync(firefoxPath)) throw new Error(`${firefoxPath} is missing: the Firefox check needs Firefox ESR (\`apt-get install -y firefox-esr\`; .ci/run installs it)`);
  const profile = mkdtempSync(join(tmpdir(), 'orchestra-firefox-'));
  writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});\n`).join(''));
  const child = spawn(firefoxPath, ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile, 'about:blank'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const endpoint = await bidiEndpoint(child);
  const socket = new WebSocket(`${endpoint}/session`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const errors: string[] = [];
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: number; type: string; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: string; message?: string };
    if (message.method === 'log.entryAdded' && message.params?.['level'] === 'error') errors.push(String(message.params['text']));
    if (message.id === undefined) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.type === 'error') waiter?.reject(new Error(`${message.error ?? 'error'}: ${message.message ?? ''}`));
    else waiter?.resolve(message.result ?? {});
  });
  const send = (method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });

  const session = (await send('session.new', { capabilities: {} })) as { capabilities: { browserVersion: string } };
  await send('session.subscribe', { events: ['log.entryAdded'] });
  const tree = (await send('browsingContext.getTree', {})) as { contexts: Array<{ context: string }> };
  const context = tree.contexts[0]?.context as string;
  await send('browsingContext.setViewport', { context, viewport: { width: 1280, height: 800 } });

  const evaluate = async <T>(expression: string): Promise<T> => {
    const wrapped = `(async () => JSON.stringify(await (${expression})))()`;
    const out = (await send('script.evaluate', { expression: wrapped, target: { context }, awaitPromise: true })) as { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
    if (out.type === 'exception') throw new Error(`in the page: ${out.exceptionDetails?.text ?? 'an exception'}`);
    const value = out.result?.value;
    return (value === undefined ? undefined : JSON.parse(value)) as T;
  };
  return {
    version: session.capabilities.browserVersion,
    errors,
    async goto(url) {
      await send('browsingContext.navigate', { context, url, wait: 'complete' });
    },
    evaluate,
    async waitFor(expression, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      // Polling the page is the only way BiDi offers to wait on its DOM; each look is a round trip.
      while (!(await evaluate<boolean>(`Boolean(${expression})`).catch(() => false))) {
        if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async screenshot(path) {
      const shot = (await send('browsingContext.captureScreenshot', { context })) as { data: string };
      writeFileSync(path, Buffer.from(shot.data, 'base64'));
    },
    async close() {
      await send('browser.close', {}).catch(() => undefined);
      socket.close();
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Firefox prints `WebDriver BiDi listening on ws://…` on stderr once it accepts sessions. */
function bidiEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`Firefox did not open WebDriver BiDi within 60 s:\n${log}`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => fail(new Error(`Firefox exited (${code}) before WebDriver BiDi was ready:\n${log}`)));
  });
}
