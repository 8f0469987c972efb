import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { defaultNotifications, type ResolvedNotifications } from '../config/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { createChannels } from './create-channels.js';
import { deliverDue } from './deliver.js';
import { enqueueNotice } from './enqueue.js';
import { freePort, startHttpReceiver, type HttpReceiver } from './testing/http-receiver.case.js';
import { aNotice, noticeTime } from './testing/notice-fixture.case.js';

const policy = { maxAttempts: 3, baseDelayMs: 10_000, maxDelayMs: 60_000, jitter: 0.2 };
const slackToken = '/services/T000/B000/very-secret-token';
const hookSecret = 'whsec-never-logged-0123';

function config(): ResolvedNotifications {
  const base = defaultNotifications();
  return {
    channels: { ...base.channels, slack: { name: 'slack', type: 'slack', urlEnv: 'SLACK_URL' }, hook: { name: 'hook', type: 'webhook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' } },
    routes: [{ events: ['created'], channels: ['slack', 'hook', 'inbox'] }],
  };
}

function manualClock(start: number): Clock & { set(ms: number): void } {
  let now = start;
  return { now: () => now, sleep: () => Promise.resolve(), set: (ms) => (now = ms) };
}

function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

describe('issue 10: deliverDue over a SQLite outbox', () => {
  let dir: string;
  let store: Store;
  const receivers: HttpReceiver[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orchestra-notify-'));
    store = await openSqliteStore(join(dir, 'orchestra.db'));
  });
  afterEach(async () => {
    await store.close();
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('issue 10: unreachable Slack and webhook: failed with backoff, logged without secrets; delivered once they come up', async () => {
    const port = await freePort();
    const env = { SLACK_URL: `http://127.0.0.1:${port}${slackToken}`, HOOK_URL: `http://127.0.0.1:${port}/hook`, HOOK_SECRET: hookSecret };
    const channels = createChannels(config(), env, 5_000);
    const clock = manualClock(noticeTime);
    const logger = capturingLogger();
    const ids = await enqueueNotice(store, aNotice(), config().routes);
    expect(ids).toHaveLength(3);

    const first = await deliverDue(store, channels, clock, { owner: 'p1', retry: policy, random: () => 0.5, logger });
    expect(first).toEqual({ claimed: 3, delivered: 1, failed: 2, dead: 0 });
    const failed = await store.listDeliveries('default', { statuses: ['failed'] });
    expect(failed.map((d) => d.channel).sort()).toEqual(['hook', 'slack']);
    for (const delivery of failed) {
      expect(delivery).toMatchObject({ attempts: 1, lastAttemptAt: noticeTime, nextAttemptAt: noticeTime + 9_000 });
      expect(delivery.lastError).toMatch(/could not be reached: .*ECONNREFUSED/);
    }
    expect(logger.lines.filter((line) => line.startsWith('warn'))).toHaveLength(2);
    expect(logger.lines.join('\n')).not.toMatch(/very-secret-token|whsec-never-logged/);
    expect((await store.listDeliveries('default', { statuses: ['delivered'] })).map((d) => d.channel)).toEqual(['inbox']);

    // Not due yet: nothing is claimed, nothing sent.
    clock.set(noticeTime + 8_999);
    expect(await deliverDue(store, channels, clock, { owner: 'p1', retry: policy })).toEqual({ claimed: 0, delivered: 0, failed: 0, dead: 0 });

    const receiver = await startHttpReceiver(port);
    receivers.push(receiver);
    clock.set(noticeTime + 9_000);
    expect(await deliverDue(store, channels, clock, { owner: 'p1', retry: policy, logger })).toEqual({ claimed: 2, delivered: 2, failed: 0, dead: 0 });
    expect(receiver.requests.map((request) => request.path).sort()).toEqual([slackToken, '/hook'].sort());
    const all = await store.listDeliveries('default');
    expect(all.map((d) => [d.channel, d.status, d.attempts]).sort()).toEqual([
      ['hook', 'delivered', 2],
      ['inbox', 'delivered', 1],
      ['slack', 'delivered', 2],
    ]);
    clock.set(noticeTime + 1_000_000);
    expect((await deliverDue(store, channels, clock, { owner: 'p1' })).claimed).toBe(0);
    expect(receiver.requests).toHaveLength(2);
  });

  it('issue 10: after the last attempt, or on a failure a retry cannot fix, the delivery is dead', async () => {
    const receiver = await startHttpReceiver();
    receivers.push(receiver);
    receiver.respondWith(503, 'busy');
    const routes = [{ events: ['created' as const], channels: ['hook', 'gone'] }];
    const channels = createChannels(config(), { HOOK_URL: receiver.url('/hook'), HOOK_SECRET: hookSecret }, 5_000);
    const clock = manualClock(noticeTime);
    await enqueueNotice(store, aNotice(), routes);
    const reports = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      reports.push(await deliverDue(store, channels, clock, { owner: 'p1', retry: policy, random: () => 0 }));
      clock.set(clock.now() + 60_000);
    }
    expect(reports).toEqual([
      { claimed: 2, delivered: 0, failed: 1, dead: 1 },
      { claimed: 1, delivered: 0, failed: 1, dead: 0 },
      { claimed: 1, delivered: 0, failed: 0, dead: 1 },
    ]);
    const dead = await store.listDeliveries('default', { statuses: ['dead'] });
    expect(dead.map((d) => [d.channel, d.attempts, d.lastError]).sort()).toEqual([
      ['gone', 1, 'channel "gone" is not configured'],
      ['hook', 3, 'channel "hook": the webhook answered HTTP 503: busy'],
    ]);
    expect(receiver.requests).toHaveLength(3);
  });

  it('issue 10: a store that fails is logged and reported as no work; deliverDue does not throw', async () => {
    const logger = capturingLogger();
    await store.close();
    const report = await deliverDue(store, createChannels(config(), {}), manualClock(noticeTime), { owner: 'p1', logger });
    expect(report).toEqual({ claimed: 0, delivered: 0, failed: 0, dead: 0 });
    expect(logger.lines).toEqual(['error notifications: cannot claim deliveries from the outbox {"error":"the store is closed"}']);
    store = await openSqliteStore(join(dir, 'orchestra.db'));
  });
});
