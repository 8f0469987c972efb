import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, runCli, type Workspace } from '../../src/cli/testing/run-cli.js';
import { defaultNotifications } from '../../src/config/index.js';
import { createChannels } from '../../src/notify/create-channels.js';
import { deliverDue } from '../../src/notify/deliver.js';
import { enqueueNotice } from '../../src/notify/enqueue.js';
import { freePort, startHttpReceiver, type HttpReceiver } from '../../src/notify/testing/http-receiver.case.js';
import { aNotice, noticeTime } from '../../src/notify/testing/notice-fixture.case.js';
import { defaultDbPath, prepareOrchestraHome } from '../../src/store/home.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

interface ListedDelivery {
  id: string;
  event: string;
  taskId: string;
  channel: string;
  status: string;
  attempts: number;
  lastError?: string;
  nextAttemptAt?: number;
}

let workspace: Workspace;
let receiver: HttpReceiver;
const env = { NO_COLOR: '1' };

// One delivered (webhook up), one failed and waiting (Slack down), one dead (a channel no longer configured).
beforeAll(async () => {
  workspace = createWorkspace('orchestra-notifications-');
  await prepareOrchestraHome(workspace.home);
  receiver = await startHttpReceiver();
  const notifications = defaultNotifications();
  const config = {
    channels: { ...notifications.channels, slack: { name: 'slack', type: 'slack' as const, urlEnv: 'SLACK_URL' }, hook: { name: 'hook', type: 'webhook' as const, urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' } },
    routes: [
      { events: ['created' as const], channels: ['hook'] },
      { events: ['escalated' as const], channels: ['slack'] },
      { events: ['completed' as const], channels: ['removed'] },
    ],
  };
  const store = await openSqliteStore(defaultDbPath(workspace.home));
  await enqueueNotice(store, aNotice({ at: noticeTime }), config.routes);
  await enqueueNotice(store, aNotice({ event: 'escalated', at: noticeTime + 60_000 }, { id: 'ht-43' }), config.routes);
  await enqueueNotice(store, aNotice({ event: 'completed', at: noticeTime + 120_000 }, { id: 'ht-44' }), config.routes);
  await enqueueNotice(store, aNotice({ tenant: 'other', at: noticeTime }, { id: 'ht-99' }), config.routes);
  const channels = createChannels(config, { SLACK_URL: `http://127.0.0.1:${await freePort()}/services/T/B/secret`, HOOK_URL: receiver.url('/hook'), HOOK_SECRET: 'whsec-cli-test' }, 5_000);
  const clock = { now: () => noticeTime + 180_000, sleep: () => Promise.resolve() };
  await deliverDue(store, channels, clock, { owner: 'test', random: () => 0 });
  await store.close();
});
afterAll(async () => {
  await receiver.close();
  workspace.remove();
});

describe('issue 10: orchestra notifications', () => {
  it('issue 10: lists the delivery log newest first: time, event, task, channel, status, attempts, next try, last error', async () => {
    const { code, stdout, stderr } = await runCli(['notifications'], { cwd: workspace.dir, home: workspace.home, env });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME\s+EVENT\s+TASK\s+CHANNEL\s+STATUS\s+ATTEMPTS\s+NEXT TRY\s+LAST ERROR$/);
    // The time is local; the next try is the failure time plus 30 s (the first backoff step, no jitter drawn).
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}completed {2}ht-44 {2}removed {2}dead {7}1 {19}channel "removed" is not configured$/);
    expect(lines[2]).toMatch(/^\S+ \S+ {2}escalated {2}ht-43 {2}slack {4}failed {5}1 {9}\d\d:\d\d:30 {2}channel "slack": Slack could not be reached: fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)$/);
    expect(lines[3]).toMatch(/^\S+ \S+ {2}created {4}ht-42 {2}hook {5}delivered {2}1$/);
    expect(lines).toHaveLength(4);
    expect(stdout).not.toContain('secret');
  });

  it('issue 10: --failed lists only failed and dead deliveries', async () => {
    const { stdout } = await runCli(['notifications', '--failed'], { cwd: workspace.dir, home: workspace.home, env });
    expect(stdout.trimEnd().split('\n').slice(1).map((line) => line.split(/\s{2,}/)[2])).toEqual(['ht-44', 'ht-43']);
  });

  it('issue 10: --json prints the log for machines, without the notices themselves', async () => {
    const { stdout } = await runCli(['notifications', '--json'], { cwd: workspace.dir, home: workspace.home, env });
    const listed = JSON.parse(stdout) as { tenant: string; deliveries: ListedDelivery[]; more: boolean };
    expect(listed.tenant).toBe('default');
    expect(listed.more).toBe(false);
    expect(listed.deliveries.map((d) => [d.taskId, d.event, d.channel, d.status, d.attempts])).toEqual([
      ['ht-44', 'completed', 'removed', 'dead', 1],
      ['ht-43', 'escalated', 'slack', 'failed', 1],
      ['ht-42', 'created', 'hook', 'delivered', 1],
    ]);
    expect(listed.deliveries[1]?.nextAttemptAt).toBe(noticeTime + 180_000 + 30_000);
    expect(Object.keys(listed.deliveries[0] ?? {})).not.toContain('payload');
  });

  it("issue 10: another tenant's deliveries are not shown; that tenant sees only its own", async () => {
    const mine = await runCli(['notifications', '--json'], { cwd: workspace.dir, home: workspace.home, env });
    expect(mine.stdout).not.toContain('ht-99');
    const theirs = await runCli(['notifications', '--json'], { cwd: workspace.dir, home: workspace.home, env: { ...env, ORCHESTRA_TENANT: 'other' } });
    expect((JSON.parse(theirs.stdout) as { deliveries: ListedDelivery[] }).deliveries.map((d) => d.taskId)).toEqual(['ht-99']);
    const none = await runCli(['notifications', '--failed', '--tenant', 'nobody'], { cwd: workspace.dir, home: workspace.home, env });
    expect(none.stdout).toBe('No failed notifications.\n');
  });
});
