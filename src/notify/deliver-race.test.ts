import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStoreForChild } from '../store/child-process.case.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { enqueueNotice } from './enqueue.js';
import { startHttpReceiver } from './testing/http-receiver.case.js';
import { aNotice } from './testing/notice-fixture.case.js';

// A sender process: waits for "go" on stdin, then delivers until no pending or failed delivery is left.
const senderScript = `
import { openSqliteStore } from './store/sqlite/index.js';
import { createChannels } from './notify/create-channels.js';
import { deliverDue } from './notify/deliver.js';
import { systemClock } from './core/clock.js';
const store = await openSqliteStore(process.env.DB);
const channels = createChannels({ channels: { hook: { name: 'hook', type: 'webhook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' } }, routes: [] }, process.env);
console.log('ready');
await new Promise((resolve) => process.stdin.once('data', resolve));
let delivered = 0;
for (;;) {
  const report = await deliverDue(store, channels, systemClock, { owner: process.env.OWNER, limit: 2 });
  delivered += report.delivered;
  if (report.claimed === 0 && (await store.listDeliveries('default', { statuses: ['pending', 'failed'] })).length === 0) break;
}
await store.close();
console.log(JSON.stringify({ delivered }));
process.exit(0);
`;

function startSender(out: string, env: Record<string, string>): { child: ChildProcess; ready: Promise<void>; done: Promise<number> } {
  const child = spawn(process.execPath, ['--input-type=module', '-e', senderScript], { cwd: out, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('ready\n')) resolve();
    });
  });
  const done = new Promise<number>((resolve, reject) => {
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sender ${env['OWNER']} did not finish in 30 s: ${stderr}`));
    }, 30_000);
    child.on('exit', (code) => {
      clearTimeout(deadline);
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code === 0) resolve((JSON.parse(last) as { delivered: number }).delivered);
      else reject(new Error(`sender ${env['OWNER']} exited with ${code}: ${stderr}`));
    });
  });
  return { child, ready, done };
}

describe('issue 10: two processes delivering from one SQLite outbox', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orchestra-notify-race-'));
    await buildStoreForChild(join(dir, 'out'), ['src/core', 'src/store', 'src/config', 'src/notify']);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('issue 10: deliver each notice exactly once between them', async () => {
    const db = join(dir, 'orchestra.db');
    const store = await openSqliteStore(db);
    const count = 40;
    for (let index = 0; index < count; index += 1) {
      await enqueueNotice(store, aNotice({}, { id: `ht-${index}` }), [{ events: ['created'], channels: ['hook'] }]);
    }
    await store.close();
    const receiver = await startHttpReceiver();
    try {
      const env = { DB: db, HOOK_URL: receiver.url('/hook'), HOOK_SECRET: 'whsec-race-test' };
      const senders = [startSender(join(dir, 'out'), { ...env, OWNER: 'p1' }), startSender(join(dir, 'out'), { ...env, OWNER: 'p2' })];
      await Promise.all(senders.map((sender) => sender.ready));
      for (const sender of senders) sender.child.stdin?.end('go\n');
      const delivered = await Promise.all(senders.map((sender) => sender.done));
      expect(delivered[0]! + delivered[1]!).toBe(count);
      const ids = receiver.requests.map((request) => (JSON.parse(request.body) as { delivery_id: string }).delivery_id);
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);
      const check = await openSqliteStore(db);
      const rows = await check.listDeliveries('default');
      await check.close();
      expect(rows.every((row) => row.status === 'delivered' && row.attempts === 1)).toBe(true);
    } finally {
      await receiver.close();
    }
  });
});
