import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { buildStoreForChild, startGatedChild } from '../child-process.case.js';
import { openSqliteStore } from './open-sqlite-store.js';

const positions = 40;

/**
 * Opens the store, prints "ready", waits for "go" on stdin, then journals positions 0..N-1 of
 * instance w1 as $WHO as fast as it can, printing per position whether it won or the error code.
 */
const journaler = `
import { openSqliteStore } from './store/sqlite/open-sqlite-store.js';
import { mintTenantScope } from './core/tenant-scope.js';
const store = await openSqliteStore(process.env.DB_PATH);
const scope = mintTenantScope('acme');
const who = process.env.WHO;
process.stdout.write('ready\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
for (let position = 0; position < ${positions}; position++) {
  try {
    await store.appendJournal(scope, 'w1', { position, kind: 'step', name: 'step-' + position, result: { who }, at: Date.now() });
    process.stdout.write(JSON.stringify({ position, won: true }) + '\\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ position, won: false, code: error.code }) + '\\n');
  }
}
await store.close();
`;

interface Outcome {
  position: number;
  won: boolean;
  code?: string;
}

describe('two processes journaling the same workflow instance at the same moment', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'orchestra-journal-race-'));
    await buildStoreForChild(out);
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('issue 11: each journal position is written by exactly one process; the other gets E_WORKFLOW_CONFLICT', async () => {
    const dbPath = join(out, 'race.db');
    const scope = mintTenantScope('acme');
    const store = await openSqliteStore(dbPath);
    await store.startWorkflow(scope, { id: 'w1', name: 'race', version: 'v1', input: null, createdAt: Date.now() });
    const children = ['ann', 'bob'].map((who) => startGatedChild(out, journaler, { DB_PATH: dbPath, WHO: who }));
    await Promise.all(children.map((child) => child.ready));
    for (const child of children) child.go();
    const [ann, bob] = (await Promise.all(children.map((child) => child.done))).map((lines) => lines.map((line) => JSON.parse(line) as Outcome)) as [Outcome[], Outcome[]];
    expect(ann).toHaveLength(positions);
    expect(bob).toHaveLength(positions);
    const journal = await store.readJournal(scope, 'w1');
    expect(journal.map((entry) => entry.position)).toEqual(Array.from({ length: positions }, (_, i) => i));
    for (let position = 0; position < positions; position++) {
      const a = ann[position] as Outcome;
      const b = bob[position] as Outcome;
      expect([a.won, b.won].filter(Boolean)).toHaveLength(1);
      expect((a.won ? b : a).code).toBe('E_WORKFLOW_CONFLICT');
      expect(journal[position]?.result).toEqual({ who: a.won ? 'ann' : 'bob' });
    }
    await store.close();
  });
});
