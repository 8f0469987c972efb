import { afterEach, describe, expect, it } from 'vitest';
import { callOk, connectStdio, startDaemon, type McpConnection } from '../support/mcp-clients.js';
import { TaskProject } from '../support/task-project.js';

// `orchestra mcp` is a relay to the daemon, never a backend of its own: with no daemon running it
// starts one, and when the daemon restarts (on another port) mid-session the next call reaches the
// new one, which has every task the old one had (task files are the source of truth).

let project: TaskProject | undefined;
let mcp: McpConnection | undefined;
afterEach(async () => {
  await mcp?.close();
  await project?.cleanup();
  mcp = undefined;
  project = undefined;
});

/** The running daemon's pid and HTTP address. */
async function daemon(p: TaskProject): Promise<{ running: boolean; pid?: number; url?: string }> {
  return JSON.parse((await p.bin(['daemon', 'status', '--json'])).stdout) as { running: boolean; pid?: number; url?: string };
}

describe('issue 12: `orchestra mcp` over stdio and the daemon behind it', () => {
  it('issue 12: starts the daemon when none runs, and follows it across a restart within one session', { timeout: 120_000 }, async () => {
    project = new TaskProject();
    const p = project;
    // The daemon has known the project once (as after any orchestra command there), then stopped.
    await startDaemon(p);
    expect((await p.bin(['daemon', 'stop'])).code).toBe(0);

    mcp = await connectStdio(p);
    const created = await callOk<{ id: number; status: string }>(mcp, 'task_create', { project: p.project, slug: 'kept', description: 'Survives a restart.' });
    expect(created.status).toBe('draft');
    const first = await daemon(p);
    expect(first).toMatchObject({ running: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/) });

    expect((await p.bin(['daemon', 'stop'])).code).toBe(0);
    const got = await callOk<{ id: number; slug: string }>(mcp, 'task_get', { project: p.project, ref: 'kept' });
    expect(got).toMatchObject({ id: created.id, slug: 'kept' });
    // A new daemon answered (started by the relay): it found it again, at the address it wrote.
    const second = await daemon(p);
    expect(second.running).toBe(true);
    expect(second.pid).not.toBe(first.pid);
  });
});
