import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { buildStoreForChild, startGatedChild } from '../child-process.case.js';
import { newHumanTask } from '../conformance/human-task-fixtures.case.js';
import { openSqliteStore } from './open-sqlite-store.js';

const tasks = 20;

/**
 * Opens the store, prints "ready", waits for "go" on stdin, then answers h0..h{N-1} as $WHO as fast
 * as it can, printing one JSON line per task: whether the answer was taken or refused (with code).
 */
const answerer = `
import { openSqliteStore } from './store/sqlite/open-sqlite-store.js';
import { mintTenantScope } from './core/tenant-scope.js';
const store = await openSqliteStore(process.env.DB_PATH);
const scope = mintTenantScope('acme');
const who = process.env.WHO;
process.stdout.write('ready\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
for (let i = 0; i < ${tasks}; i++) {
  const id = 'h' + i;
  try {
    await store.updateHumanTask(scope, id, (task) => {
      if (task.status !== 'open') throw Object.assign(new Error('already ' + task.status), { name: 'OrchestraError', code: 'E_HUMAN_TASK_STATE' });
      const { title, description, context, assignee, priority, dueAt, escalation, claimedBy } = task;
      return { next: { title, description, context, assignee, priority, dueAt, escalation, claimedBy, status: 'completed', answer: { answer: who }, answeredBy: who, answeredAt: Date.now() },
        entry: { at: Date.now(), actor: who, action: 'answered' } };
    });
    process.stdout.write(JSON.stringify({ id, won: true }) + '\\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ id, won: false, code: error.code }) + '\\n');
  }
}
await store.close();
`;

interface Outcome {
  id: string;
  won: boolean;
  code?: string;
}

function startAnswerer(out: string, dbPath: string, who: string) {
  const child = startGatedChild(out, answerer, { DB_PATH: dbPath, WHO: who });
  return { ...child, done: child.done.then((lines) => lines.map((line) => JSON.parse(line) as Outcome)) };
}

describe('two processes answering the same human tasks at the same moment', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'orchestra-answer-race-'));
    await buildStoreForChild(out);
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('issue 10: each task keeps exactly one answer, and the other process gets E_HUMAN_TASK_STATE', async () => {
    const dbPath = join(out, 'race.db');
    const scope = mintTenantScope('acme');
    const store = await openSqliteStore(dbPath);
    for (let i = 0; i < tasks; i++) await store.createHumanTask(scope, newHumanTask(`h${i}`));
    const ann = startAnswerer(out, dbPath, 'ann');
    const bob = startAnswerer(out, dbPath, 'bob');
    await Promise.all([ann.ready, bob.ready]);
    ann.go();
    bob.go();
    const [annOutcomes, bobOutcomes] = await Promise.all([ann.done, bob.done]);
    expect(annOutcomes).toHaveLength(tasks);
    expect(bobOutcomes).toHaveLength(tasks);
    for (let i = 0; i < tasks; i++) {
      const a = annOutcomes[i] as Outcome;
      const b = bobOutcomes[i] as Outcome;
      expect([a.won, b.won].filter(Boolean)).toHaveLength(1);
      expect((a.won ? b : a).code).toBe('E_HUMAN_TASK_STATE');
      const stored = await store.getHumanTask(scope, `h${i}`);
      const winner = a.won ? 'ann' : 'bob';
      expect(stored).toMatchObject({ status: 'completed', answeredBy: winner, answer: { answer: winner }, version: 2 });
      expect(stored?.history.map((entry) => entry.action)).toEqual(['created', 'answered']);
    }
    await store.close();
  });
});
