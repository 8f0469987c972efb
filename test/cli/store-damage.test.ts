import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallPipeline } from '../../src/cli/testing/pipelines.js';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { finishedRunEvents, newRun, openHomeStore } from '../../src/cli/testing/seed-runs.js';
import type { Checkpoint } from '../../src/store/types.js';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

/*
 * Issue 8.13: a damaged store is reported (E_STORE_CORRUPT naming the run and row), the healthy
 * runs stay listed, and nothing else is lost. The damage is real: bytes of the SQLite file and rows
 * changed behind Orchestra's back.
 */

let ws: Workspace;
let dbPath: string;
const ids = ['r1-healthy', 'r2-damaged', 'r3-healthy'];

function checkpoint(seq: number, currentNode: string, nextNode: string | null): Checkpoint {
  return { v: 1, seq, timestamp: Date.UTC(2025, 0, 2, 3, 4, seq), currentNode, nextNode, completedNodes: ['start', currentNode], nodeOutcomes: {}, nodeRetries: {}, context: {}, logs: [], loopRestarts: 0 };
}

beforeEach(async () => {
  assertBuilt();
  ws = createWorkspace('orchestra-damage-');
  dbPath = join(ws.home, 'orchestra.db');
  const store = await openHomeStore(ws.home);
  for (const [i, id] of ids.entries()) {
    const at = Date.UTC(2025, 0, 2, 3, 4, 5 + i);
    await store.createRun(newRun(id, { startedAt: at, source: smallPipeline, pipeline: 'Small', file: join(ws.dir, 'small.dot'), logsRoot: join(ws.home, 'runs', id), variables: { who: 'me' } }));
    await store.appendEvents(id, finishedRunEvents(at));
    await store.commitCheckpoint(id, checkpoint(1, 'plan', 'build'), { state: 'running', currentNode: 'plan', updatedAt: at }, []);
    // The second checkpoint is stored as a delta against the first.
    await store.commitCheckpoint(id, checkpoint(2, 'build', 'exit'), { currentNode: 'build', updatedAt: at }, []);
    if (id !== 'r2-damaged') await store.updateRun(id, { state: 'completed', finishedAt: at + 1000, outcome: 'success' });
  }
  await store.close();
});
afterEach(() => ws.remove());

const cli = (...argv: string[]) => runBin(argv, { cwd: ws.dir, home: ws.home });

function sql(statement: string, ...params: unknown[]): void {
  const db = new Database(dbPath);
  try {
    db.prepare(statement).run(...params);
  } finally {
    db.close();
  }
}

/** Everything still stored for the healthy runs: ids, states and events. */
async function healthyRunsIntact(): Promise<void> {
  const listed = JSON.parse((await cli('runs', '--json')).stdout) as { runs: { id: string; state: string; damaged?: string }[] };
  expect(listed.runs.filter((run) => run.id !== 'r2-damaged').map((run) => [run.id, run.state, run.damaged])).toEqual([
    ['r3-healthy', 'completed', undefined],
    ['r1-healthy', 'completed', undefined],
  ]);
  const db = new Database(dbPath, { readonly: true });
  try {
    expect(db.prepare("SELECT COUNT(*) FROM events WHERE run_id IN ('r1-healthy', 'r3-healthy')").pluck().get()).toBe(10);
  } finally {
    db.close();
  }
}

/** Reverses the order of the cells on the events index's leaf page: every key stays, their order is wrong. */
function scrambleEventsIndex(): void {
  const db = new Database(dbPath);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'sqlite_autoindex_events_1' AND pagetype = 'leaf'").pluck().all() as number[];
  db.close();
  expect(pages).toHaveLength(1);
  const fd = openSync(dbPath, 'r+');
  try {
    const page = Buffer.alloc(pageSize);
    const offset = ((pages[0] as number) - 1) * pageSize;
    readSync(fd, page, 0, pageSize, offset);
    const cells = page.readUInt16BE(3);
    const pointers = Array.from({ length: cells }, (_, i) => page.readUInt16BE(8 + 2 * i)).reverse();
    pointers.forEach((pointer, i) => page.writeUInt16BE(pointer, 8 + 2 * i));
    writeSync(fd, page, 0, pageSize, offset);
  } finally {
    closeSync(fd);
  }
}

// Each test spawns the CLI several times, doctor included (it probes the agent CLIs): slow on a loaded machine.
describe('issue 8.13: store damage is reported, not guessed at', { timeout: 120_000 }, () => {
  it('a run row whose JSON is damaged: `runs` lists the healthy runs and marks that one', async () => {
    sql("UPDATE runs SET variables_json = '{\"who\": ' WHERE id = 'r2-damaged'");

    const table = await cli('runs');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^r3-healthy +Small +completed /m);
    expect(table.stdout).toMatch(/^r2-damaged +Small +damaged /m);
    expect(table.stdout).toMatch(/^r1-healthy +Small +completed /m);
    expect(table.stderr).toContain(`warning[E_STORE_CORRUPT]: runs row variables_json of run "r2-damaged" in ${dbPath} is damaged: its JSON does not parse`);
    expect(table.stderr).toContain('orchestra doctor');

    const json = JSON.parse((await cli('runs', '--json')).stdout) as { runs: { id: string; damaged?: string }[] };
    expect(json.runs.find((run) => run.id === 'r2-damaged')?.damaged).toMatch(/^runs row variables_json of run "r2-damaged" in .* is damaged/);

    // Acting on the damaged run reads it whole: an error naming it, not a guess with empty variables.
    for (const argv of [['runs', 'r2-damaged'], ['resume', 'r2-dam']]) {
      const one = await cli(...argv);
      expect(one.code).toBe(70);
      expect(one.stderr).toContain('error[E_STORE_CORRUPT]: runs row variables_json of run "r2-damaged"');
      expect(one.stderr).toContain('.recover');
    }

    const doctor = await cli('doctor', '--json');
    expect(doctor.code).toBe(1);
    const store = (JSON.parse(doctor.stdout) as { checks: { name: string; status: string; detail: string }[] }).checks.find((check) => check.name === 'store');
    expect(store?.status).toBe('problem');
    expect(store?.detail).toContain('runs row variables_json of run "r2-damaged"');
    await healthyRunsIntact();
  });

  it('a damaged checkpoint row: `resume` names the run and seq instead of a raw JSON parse error', async () => {
    sql("UPDATE checkpoints SET json = '{\"seq\": 2, \"curr' WHERE run_id = 'r2-damaged' AND seq = 2");
    const resumed = await cli('resume', 'r2-damaged');
    expect(resumed.code).toBe(70);
    expect(resumed.stderr).toContain(`error[E_STORE_CORRUPT]: checkpoints row seq 2 of run "r2-damaged" in ${dbPath} is damaged: its JSON does not parse`);
    expect(resumed.stderr).not.toContain('Unhandled error');

    sql("UPDATE events SET json = 'not json' WHERE run_id = 'r2-damaged' AND seq = 3");
    const doctor = await cli('doctor', '--json');
    const store = (JSON.parse(doctor.stdout) as { checks: { name: string; detail: string }[] }).checks.find((check) => check.name === 'store');
    expect(store?.detail).toContain('events row seq 3 of run "r2-damaged"');
    expect(store?.detail).toContain('checkpoints row seq 2 of run "r2-damaged"');
    await healthyRunsIntact();
  });

  it('an index page damaged on disk: `runs` still lists every run, `doctor` reports the index', async () => {
    scrambleEventsIndex();
    const table = await cli('runs');
    expect(table.code).toBe(0);
    expect(table.stdout.match(/^r\d-/gm)).toHaveLength(3);

    const doctor = await cli('doctor', '--json');
    expect(doctor.code).toBe(1);
    const store = (JSON.parse(doctor.stdout) as { checks: { name: string; status: string; detail: string; fix: string }[] }).checks.find((check) => check.name === 'store');
    expect(store).toMatchObject({ status: 'problem' });
    expect(store?.detail).toContain('missing from index sqlite_autoindex_events_1');
    expect(store?.fix).toContain('.recover');
  });

  it('garbage over an index page: `runs` and `run` fail with E_STORE_CORRUPT and what to do', async () => {
    const db = new Database(dbPath);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const page = db.prepare("SELECT pageno FROM dbstat WHERE name = 'runs_by_start'").pluck().get() as number;
    db.close();
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
    closeSync(fd);

    const listed = await cli('runs');
    expect(listed.code).toBe(70);
    expect(listed.stderr).toMatch(/error\[E_STORE_CORRUPT\]: database .* is damaged: database disk image is malformed/);
    expect(listed.stderr).toContain('orchestra doctor');
    expect(listed.stderr).toContain('.recover');

    ws.write('small.dot', smallPipeline);
    const run = await cli('run', 'small.dot', '--simulate', 'who=me');
    expect(run.code).toBe(70);
    expect(run.stderr).toMatch(/error\[E_STORE_CORRUPT\]: database .* is damaged/);
    expect(run.stderr).not.toContain('Unhandled error');
  });
});
