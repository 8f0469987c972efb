import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace, runCli, type Workspace } from '../../cli/testing/run-cli.js';
import { signatureHeader, timestampHeader, verifyWebhookSignature } from '../../notify/index.js';
import { startHttpReceiver, type HttpReceiver } from '../../notify/testing/http-receiver.case.js';
import { defaultDbPath } from '../../store/home.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import { startHumanWork } from './start-human-work.js';

/*
 * The daemon reads $ORCHESTRA_HOME/config.yaml; the CLI reads the project's orchestra.yaml. A notice
 * the CLI routes to a project channel, and one the daemon's sweeper makes for a task of that
 * project, must both reach the project's channel (issue 10).
 */

const secret = 'whsec-project-routing-0123';
// due_soon five seconds before a six-second SLA: one second after creation, with room to spare.
const project = `notifications:
  channels:
    hook: { type: webhook, url_env: PROJECT_HOOK_URL, secret_env: PROJECT_HOOK_SECRET }
  due_soon: 5s
  route:
    - { events: [created, due_soon, cancelled], channels: [hook] }
`;

let workspace: Workspace | undefined;
let receiver: HttpReceiver | undefined;
let work: { stop(): Promise<void> } | undefined;
afterEach(async () => {
  await work?.stop();
  await receiver?.close();
  workspace?.remove();
  work = receiver = workspace = undefined;
});

const eventsOf = (requests: HttpReceiver['requests']) => requests.map((request) => String(request.headers['x-orchestra-event']));

describe('project routing reaches the daemon', () => {
  it("issue 10: a task created in a project dir is sent to the project's webhook by the daemon, whose own config has no channels; its due_soon and cancelled too", async () => {
    workspace = createWorkspace('orchestra-project-routing-');
    receiver = await startHttpReceiver();
    const projectDir = join(workspace.dir, 'project');
    mkdirSync(projectDir);
    writeFileSync(join(projectDir, 'orchestra.yaml'), project);
    writeFileSync(join(projectDir, 'form.yaml'), 'ok: { type: boolean, required: true }\n');
    mkdirSync(workspace.home, { recursive: true, mode: 0o700 });
    writeFileSync(join(workspace.home, 'config.yaml'), 'backend: simulation\n');
    const env = { ORCHESTRA_USER: 'root', NO_COLOR: '1' };

    const created = await runCli(['human-task', 'create', '--title', 'Ship it?', '--form', 'form.yaml', '--sla', '6s', '--json'], { cwd: projectDir, home: workspace.home, env });
    expect(created.code, created.stderr).toBe(0);
    const { id } = JSON.parse(created.stdout) as { id: string };

    // The daemon's environment holds the project's secrets; its config.yaml names no channel at all.
    work = await startHumanWork({
      home: workspace.home,
      env: { PROJECT_HOOK_URL: receiver.url('/hook'), PROJECT_HOOK_SECRET: secret },
      log: { info() {}, warn() {}, error() {} },
      pollMs: 50,
    });
    const [first, second] = await receiver.waitForRequests(2, 15_000);
    expect(eventsOf([first!, second!])).toEqual(['created', 'due_soon']);
    for (const request of [first!, second!]) {
      expect(request.path).toBe('/hook');
      expect(JSON.parse(request.body)).toMatchObject({ task: { id } });
      const timestamp = String(request.headers[timestampHeader]);
      expect(verifyWebhookSignature({ secret, timestamp, signature: String(request.headers[signatureHeader]), body: request.body, nowSeconds: Math.floor(Date.now() / 1_000) })).toBe(true);
    }

    // Cancelled from a directory without orchestra.yaml: the task's own routing still applies.
    const cancelled = await runCli(['human-task', 'cancel', id], { cwd: workspace.dir, home: workspace.home, env });
    expect(cancelled.code, cancelled.stderr).toBe(0);
    await receiver.waitForRequests(3, 15_000);
    expect(eventsOf(receiver.requests)).toEqual(['created', 'due_soon', 'cancelled']);

    const store = await openSqliteStore(defaultDbPath(workspace.home));
    try {
      const deliveries = await store.listDeliveries('default');
      expect(deliveries.map((d) => [d.event, d.channel, d.status])).toEqual([['cancelled', 'hook', 'delivered'], ['due_soon', 'hook', 'delivered'], ['created', 'hook', 'delivered']]);
      // What the rows keep names the variables, never their values.
      expect(JSON.stringify(deliveries)).not.toContain(secret);
      expect(deliveries[0]?.target).toEqual({ name: 'hook', type: 'webhook', urlEnv: 'PROJECT_HOOK_URL', secretEnv: 'PROJECT_HOOK_SECRET' });
    } finally {
      await store.close();
    }
  }, 30_000);
});
