import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { assertBuilt } from '../cli/helpers/spawn-cli.js';
import { createToken, startDaemon } from '../support/mcp-clients.js';
import { ok } from '../support/task-assertions.js';
import { TaskProject } from '../support/task-project.js';

/*
 * The task terminal's WebSocket (issue 15) on a real daemon (the built CLI) with the scripted fake
 * agent in a real PTY: who may open it (token or session cookie, Host, Origin, tenant), who may
 * type, and what it streams. Every wait is on a frame with a deadline.
 */

let p: TaskProject;
let url: string;
let tokens: { write: string; read: string; otherTenant: string };

beforeAll(async () => {
  assertBuilt();
  p = new TaskProject();
  url = await startDaemon(p);
  tokens = { write: await createToken(p, 'term-write', 'write'), read: await createToken(p, 'term-read', 'read'), otherTenant: await tenantToken('globex') };
  ok(await p.bin(['new', 'demo', '-m', 'Say hello', '--agent', 'fake']));
  ok(await p.bin(['new', 'draft-only', '-m', 'Never started', '--agent', 'fake']));
  ok(await p.bin(['start', 'demo']));
  await p.waitForTask('demo', (task) => task.needsInput);
}, 120_000);

afterAll(() => p?.cleanup());

async function tenantToken(tenant: string): Promise<string> {
  const made = await p.bin(['token', 'create', '--name', `term-${tenant}`, '--tenant', tenant, '--scope', 'write', '--json']);
  expect(made.code, made.stderr).toBe(0);
  return (JSON.parse(made.stdout) as { token: string }).token;
}

/** A viewer's socket with every frame it got: JSON frames parsed, output (binary) as text. */
interface Viewer {
  socket: WebSocket;
  frames: Array<Record<string, unknown>>;
  output(): string;
  waitFor(accept: () => boolean, what: string): Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  send(frame: unknown): void;
}

type Opened = { viewer: Viewer } | { status: number; body: Record<string, unknown> };

function terminalUrl(ref: string, query = `project=${encodeURIComponent(p.project)}&cols=90&rows=20`): string {
  return `${url.replace(/^http/, 'ws')}/tasks/${ref}/terminal?${query}`;
}

function open(headers: Record<string, string>, ref = 'demo', address = terminalUrl(ref)): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(address, { headers });
    const frames: Array<Record<string, unknown>> = [];
    let output = '';
    const listeners = new Set<() => void>();
    socket.on('message', (data, isBinary) => {
      if (isBinary) output += data.toString();
      else frames.push(JSON.parse(data.toString()) as Record<string, unknown>);
      for (const listener of listeners) listener();
    });
    const closed = new Promise<{ code: number; reason: string }>((done) => socket.on('close', (code, reason) => done({ code, reason: reason.toString() })));
    const waitFor = (accept: () => boolean, what: string) =>
      new Promise<void>((done, fail) => {
        if (accept()) return done();
        const timer = setTimeout(() => fail(new Error(`timed out waiting for ${what}; frames: ${JSON.stringify(frames)}; output: ${JSON.stringify(output.slice(-500))}`)), 20_000);
        const check = () => accept() && (clearTimeout(timer), listeners.delete(check), done());
        listeners.add(check);
      });
    socket.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(body || '{}') as Record<string, unknown> }));
    });
    socket.on('open', () => resolve({ viewer: { socket, frames, output: () => output, waitFor, closed, send: (frame) => socket.send(JSON.stringify(frame)) } }));
    socket.on('error', (error) => (socket.readyState === socket.CONNECTING ? undefined : reject(error)));
  });
}

function viewerOf(opened: Opened): Viewer {
  if ('status' in opened) throw new Error(`refused: ${opened.status} ${JSON.stringify(opened.body)}`);
  return opened.viewer;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const attachedFrame = (viewer: Viewer) => viewer.frames.find((frame) => frame.type === 'attached');

async function sessionCookie(): Promise<string> {
  const link = await p.bin(['open', '--print']);
  expect(link.code, link.stderr).toBe(0);
  const response = await fetch(link.stdout.trim(), { redirect: 'manual' });
  const cookie = /orchestra_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
  expect(cookie).toBeDefined();
  return cookie ?? '';
}

describe('issue 15: the task terminal WebSocket', () => {
  it('issue 15: refuses before upgrading without a token, with an unknown one, from a foreign Origin or Host, from another tenant, and with a cookie but no Origin', { timeout: 60_000 }, async () => {
    expect(await open({})).toMatchObject({ status: 401, body: { code: 'E_UNAUTHORIZED' } });
    expect(await open(bearer('orc_not_a_token'))).toMatchObject({ status: 401, body: { code: 'E_UNAUTHORIZED' } });
    expect(await open({ ...bearer(tokens.write), origin: 'https://evil.example' })).toMatchObject({ status: 403, body: { code: 'E_FORBIDDEN' } });
    expect(await open({ ...bearer(tokens.write), host: 'evil.example:80' })).toMatchObject({ status: 403, body: { code: 'E_FORBIDDEN' } });
    expect(await open(bearer(tokens.otherTenant))).toMatchObject({ status: 403, body: { code: 'E_FORBIDDEN', detail: expect.stringContaining('tenant') } });
    const cookie = await sessionCookie();
    expect(await open({ cookie })).toMatchObject({ status: 403, body: { code: 'E_FORBIDDEN', detail: expect.stringContaining('Origin') } });
    expect(await open({ cookie, origin: 'https://evil.example' })).toMatchObject({ status: 403, body: { code: 'E_FORBIDDEN' } });
    expect(await open(bearer(tokens.write), 'demo', terminalUrl('demo', 'project=%2Fnot%2Fserved'))).toMatchObject({ status: 400, body: { code: 'E_NOT_A_PROJECT' } });
    expect(await open(bearer(tokens.write), 'demo', terminalUrl('demo', `project=${encodeURIComponent(p.project)}&cols=1&rows=20`))).toMatchObject({ status: 400, body: { code: 'E_USAGE' } });
    // Without an Upgrade, the route says what it is.
    expect((await fetch(`${url}/tasks/demo/terminal?project=${encodeURIComponent(p.project)}`, { headers: bearer(tokens.write) })).status).toBe(426);
    // The page's own Origin with the cookie opens it.
    const viewer = viewerOf(await open({ cookie, origin: url }));
    await viewer.waitFor(() => attachedFrame(viewer) !== undefined, 'the attached frame');
    viewer.send({ type: 'detach' });
    expect((await viewer.closed).code).toBe(1000);
  });

  it('issue 15: a write token gets the screen first, types to the agent, resizes its PTY and detaches, leaving it running', { timeout: 60_000 }, async () => {
    const viewer = viewerOf(await open(bearer(tokens.write)));
    await viewer.waitFor(() => attachedFrame(viewer) !== undefined, 'the attached frame');
    expect(attachedFrame(viewer)).toMatchObject({ task: { slug: 'demo' }, canType: true, cols: 90, rows: 20, screen: expect.stringContaining('Proceed with the change? (y/n)') });
    viewer.send({ type: 'input', data: 'from-the-web\r' });
    await viewer.waitFor(() => viewer.output().includes('ok: from-the-web'), 'the agent to answer');
    viewer.send({ type: 'resize', cols: 100, rows: 30 });
    await viewer.waitFor(() => viewer.output().includes('resized 100x30'), 'the agent to see the new size');
    viewer.send({ type: 'nonsense' });
    await viewer.waitFor(() => viewer.frames.some((frame) => frame.type === 'error' && frame.code === 'E_USAGE' && frame.fatal === false), 'a refusal of the bad frame');
    viewer.send({ type: 'detach' });
    expect(await viewer.closed).toEqual({ code: 1000, reason: 'detached' });
    expect((await p.task('demo')).pid).toBeGreaterThan(0);
  });

  it('issue 15: a read token watches but cannot type or resize', { timeout: 60_000 }, async () => {
    const watcher = viewerOf(await open(bearer(tokens.read)));
    await watcher.waitFor(() => attachedFrame(watcher) !== undefined, 'the attached frame');
    expect(attachedFrame(watcher)).toMatchObject({ canType: false });
    watcher.send({ type: 'input', data: 'from-a-reader\r' });
    await watcher.waitFor(() => watcher.frames.some((frame) => frame.type === 'error' && frame.code === 'E_FORBIDDEN'), 'the refusal to type');
    // A writer types after it: had the reader's keys reached the agent, its answer would come first.
    const writer = viewerOf(await open(bearer(tokens.write)));
    await writer.waitFor(() => attachedFrame(writer) !== undefined, 'the attached frame');
    writer.send({ type: 'input', data: 'from-a-writer\r' });
    await watcher.waitFor(() => watcher.output().includes('ok: from-a-writer'), 'the writer\'s answer on the reader\'s screen');
    expect(watcher.output()).not.toContain('from-a-reader');
    writer.socket.close();
    watcher.socket.close();
  });

  it('issue 15: a task with no running agent is refused in a frame saying how to start it, then closed with 4000', { timeout: 30_000 }, async () => {
    const viewer = viewerOf(await open(bearer(tokens.write), 'draft-only'));
    expect(await viewer.closed).toMatchObject({ code: 4000 });
    expect(viewer.frames).toEqual([expect.objectContaining({ type: 'error', code: 'E_AGENT_NOT_RUNNING', fatal: true, hint: expect.stringContaining('orchestra start') })]);
  });
});
