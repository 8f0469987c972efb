import { appendFileSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock.js';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { buildStoreForChild, runThenKill } from '../../store/child-process.case.js';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store.js';
import { workflow } from '../definition.js';
import { runInstance } from './run-instance.js';
import { startWorkflow } from './start-workflow.js';
import { step } from './step.js';

const steps = 20;

/**
 * A worker process driving instance w1 of a 20-step workflow; each step appends its number to
 * $EFFECTS (its side effect) and then prints how many steps have run. The test SIGKILLs it after
 * the step it picked printed: before that step's journal entry commits, or just after.
 */
const worker = `
import { appendFileSync } from 'node:fs';
import { openSqliteStore } from './store/sqlite/open-sqlite-store.js';
import { mintTenantScope } from './core/tenant-scope.js';
import { systemClock } from './core/clock.js';
import { workflow } from './workflows/definition.js';
import { step } from './workflows/runtime/step.js';
import { runInstance } from './workflows/runtime/run-instance.js';
const store = await openSqliteStore(process.env.DB_PATH);
const deps = { store, scope: mintTenantScope('acme'), clock: systemClock, owner: 'worker-' + process.pid, leaseTtlMs: 300 };
const definition = workflow('twenty', async (ctx) => {
  let total = 0;
  for (let i = 0; i < ${steps}; i++) total = await step(ctx, 'add-' + i, () => { appendFileSync(process.env.EFFECTS, i + '\\n'); process.stdout.write((i + 1) + '\\n'); return total + i; });
  return { total };
});
// The worker killed before held the lease: wait until it lapses.
while ((await runInstance(deps, definition, 'w1')).status === 'locked') await new Promise((resolve) => setTimeout(resolve, 25));
await store.close();
`;

describe('a workflow worker killed with SIGKILL', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'orchestra-wf-crash-'));
    await buildStoreForChild(out, ['src/core', 'src/store', 'src/workflows', 'src/engine/retry']);
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('issue 11: killed at random steps and restarted, every step runs once but for at most one per kill, and the result is right', async () => {
    const dbPath = join(out, 'crash.db');
    const effects = join(out, 'effects.txt');
    appendFileSync(effects, '');
    const scope = mintTenantScope('acme');
    const store = await openSqliteStore(dbPath);
    const deps = { store, scope, clock: systemClock, owner: 'test', leaseTtlMs: 300 };
    const definition = workflow('twenty', async (ctx) => {
      let total = 0;
      for (let i = 0; i < steps; i++) total = await step(ctx, `add-${i}`, () => {
        appendFileSync(effects, `${i}\n`);
        return total + i;
      });
      return { total };
    });
    await startWorkflow(deps, definition, null, { id: 'w1' });
    let kills = 0;
    for (;;) {
      const journaled = (await store.readJournal(scope, 'w1')).length;
      if (journaled >= steps - 2 || kills >= 8) break;
      const killAt = journaled + 1 + Math.floor(Math.random() * (steps - 1 - journaled));
      try {
        await runThenKill(out, worker, { DB_PATH: dbPath, EFFECTS: effects }, killAt);
        kills++;
      } catch (error) {
        // On a loaded machine the worker may finish before the kill lands: then it simply completed.
        if (!/exited on its own \(code 0\)/.test(String(error))) throw error;
        break;
      }
    }
    let outcome = await runInstance(deps, definition, 'w1');
    const deadline = Date.now() + 10_000;
    while (outcome.status === 'locked' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      outcome = await runInstance(deps, definition, 'w1');
    }
    expect(outcome).toMatchObject({ status: 'completed', instance: { result: { total: 190 } } });
    const runs = readFileSync(effects, 'utf8').split('\n').filter(Boolean).map(Number);
    const counts = Array.from({ length: steps }, (_, i) => runs.filter((n) => n === i).length);
    expect(counts.every((count) => count >= 1)).toBe(true);
    expect(runs.length - steps).toBeLessThanOrEqual(kills);
    expect((await store.readJournal(scope, 'w1')).map((entry) => entry.name)).toEqual(Array.from({ length: steps }, (_, i) => `add-${i}`));
    await store.close();
  });
});
