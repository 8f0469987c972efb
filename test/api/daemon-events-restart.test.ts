import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/index.js';
import { mintTenantScope } from '../../src/core/tenant-scope.js';
import { openSse, type SseConnection } from '../../src/server/sse/testing/sse-client.js';
import { defaultDbPath } from '../../src/store/home.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { eventually, killDaemon } from '../support/agent-processes.js';
import { createToken, startDaemon } from '../support/mcp-clients.js';
import { TaskProject } from '../support/task-project.js';

/*
 * "SSE resume after a daemon kill -9 with no event lost" (issue 12), on the real daemon of the built
 * CLI: a subscriber of /events watches human tasks being created through the API while the daemon
 * is killed with SIGKILL mid-stream; more are created while no daemon runs (the CLI writes the store
 * itself) and after the next daemon starts (on another port). Reconnecting with the last
 * Last-Event-ID it saw, the subscriber has every event of the store's feed exactly once, in order.
 */

const p = new TaskProject();
const open: SseConnection[] = [];
const form = { ok: { type: 'boolean', required: true } };

afterAll(async () => {
  for (const connection of open.splice(0)) connection.close();
  await p.cleanup();
});

async function subscribe(url: string, token: string, lastEventId?: string): Promise<SseConnection> {
  const connection = await openSse(`${url}/events?kinds=human_task`, { authorization: `Bearer ${token}`, ...(lastEventId !== undefined && { 'Last-Event-ID': lastEventId }) });
  open.push(connection);
  expect(connection.status).toBe(200);
  return connection;
}

async function feedIds(): Promise<number[]> {
  const store = await openSqliteStore(defaultDbPath(p.home));
  try {
    return (await store.readFeed(mintTenantScope('default'), { limit: 10_000, filter: { kinds: ['human_task'] } })).map((event) => event.id);
  } finally {
    await store.close();
  }
}

describe('issue 12: /events across a daemon killed with -9', () => {
  it('issue 12: a subscriber resuming with Last-Event-ID from the next daemon gets every event exactly once, those written while none ran included', { timeout: 120_000 }, async () => {
    const firstUrl = await startDaemon(p);
    const token = await createToken(p, 'events-reader', 'write');
    const api = createClient({ url: firstUrl, token });
    const before = await subscribe(firstUrl, token);

    // A writer creating human tasks back to back through the API, until the daemon dies under it.
    let created = 0;
    const writer = (async () => {
      for (;;) {
        try {
          await api.humanTasks.create({ title: `before the kill ${created + 1}`, form });
          created += 1;
        } catch {
          return;
        }
      }
    })();
    await eventually(() => before.messages.length >= 10, '10 events on the first stream');
    await killDaemon(p);
    await writer;
    await before.ended;
    expect(created).toBeGreaterThanOrEqual(10);

    // While no daemon runs: the CLI writes the store itself, and the feed has it.
    writeFileSync(join(p.root, 'form.json'), JSON.stringify(form));
    const later: string[] = [];
    for (const title of ['while down 1', 'while down 2']) {
      const made = await p.bin(['human-task', 'create', '--title', title, '--form', join(p.root, 'form.json'), '--json']);
      expect(made.code, made.stderr).toBe(0);
      later.push((JSON.parse(made.stdout) as { id: string }).id);
    }
    expect(JSON.parse((await p.bin(['daemon', 'status', '--json'])).stdout)).toMatchObject({ running: false });

    const secondUrl = await startDaemon(p);
    const lastSeen = before.messages.at(-1)?.id;
    expect(lastSeen).toBeDefined();
    const after = await subscribe(secondUrl, token, lastSeen);
    later.push((await createClient({ url: secondUrl, token }).humanTasks.create({ title: 'after the restart', form })).id);

    const expected = await feedIds();
    // One `created` event per task: those made before the kill (one more when the kill cut off its
    // answer after the commit), the two made while down and the last.
    expect(expected.length).toBeGreaterThanOrEqual(created + 3);
    expect(expected.length).toBeLessThanOrEqual(created + 4);
    await eventually(() => before.messages.length + after.messages.length >= expected.length, 'every event across both daemons');
    const received = [...before.messages, ...after.messages];
    expect(received.map((message) => Number(message.id))).toEqual(expected);
    expect(after.messages.map((message) => (JSON.parse(message.data) as { data: { humanTaskId: string } }).data.humanTaskId)).toEqual(expect.arrayContaining(later));
  });
});
