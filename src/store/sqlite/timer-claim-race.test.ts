import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { buildStoreForChild, startGatedChild } from '../child-process.case.js';
import { openSqliteStore } from './open-sqlite-store.js';

const timers = 1_000;
const t0 = 1_700_000_000_000;

/** Opens the store, prints "ready", waits for "go", then claims one timer at a time until none is due, printing each id. */
const claimer = `
import { openSqliteStore } from './store/sqlite/open-sqlite-store.js';
const store = await openSqliteStore(process.env.DB_PATH);
process.stdout.write('ready\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
for (;;) {
  const claimed = await store.claimDueTimers(process.env.OWNER, ${t0 + 1_000}, 60_000, 1);
  if (claimed.length === 0) break;
  for (const timer of claimed) process.stdout.write(timer.id + '\\n');
}
await store.close();
`;

function startClaimer(out: string, dbPath: string, owner: string) {
  return startGatedChild(out, claimer, { DB_PATH: dbPath, OWNER: owner });
}

describe('two processes claiming the same due timers at the same moment', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'orchestra-timer-race-'));
    await buildStoreForChild(out);
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('issue 10: every timer is claimed by exactly one process, and the store records that one', async () => {
    const dbPath = join(out, 'race.db');
    const scope = mintTenantScope('acme');
    const store = await openSqliteStore(dbPath);
    await store.scheduleTimers(scope, Array.from({ length: timers }, (_, i) => ({ id: `t${String(i).padStart(4, '0')}`, kind: 'test', subjectId: 's', dueAt: t0, createdAt: t0 })));
    const a = startClaimer(out, dbPath, 'a');
    const b = startClaimer(out, dbPath, 'b');
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    const [byA, byB] = await Promise.all([a.done, b.done]);
    // Both took part (the claims interleaved), and no timer went to both.
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
    expect([...byA, ...byB].sort()).toEqual(Array.from({ length: timers }, (_, i) => `t${String(i).padStart(4, '0')}`));
    const ofA = new Set(byA);
    const stored = await store.listTimers(scope);
    expect(stored.filter((timer) => timer.attempts !== 1 || timer.claimedBy !== (ofA.has(timer.id) ? 'a' : 'b'))).toEqual([]);
    await store.close();
  }, 60_000);
});
