import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/sqlite/migrations.js';
import { applyMigrations } from '../../src/store/sqlite/migrate.js';
import { assertBuilt, eventually, runBin, spawnCli } from './helpers/spawn-cli.js';

const latest = migrations.length - 1;
let home: string;
let dbPath: string;
const bin = (...argv: string[]) => runBin(argv, { cwd: home, home });

beforeAll(() => assertBuilt());
beforeEach(() => {
  home = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-db-')));
  dbPath = join(home, 'orchestra.db');
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** An older store: the first `count` migrations applied, as an older Orchestra left it. */
function olderStore(count: number): void {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  applyMigrations(db, migrations.slice(0, count), dbPath);
  db.close();
}

const recordedVersions = () => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare<[], number>('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
  } finally {
    db.close();
  }
};

/** True when process `pid` has `path` open (Linux: /proc/PID/fd). */
function hasOpen(pid: number | undefined, path: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === path;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

describe('issue 11: orchestra db status | migrate', () => {
  it('status shows the pending migrations without applying them; migrate applies them once', async () => {
    olderStore(2);
    const status = await bin('db', 'status');
    expect(status.code).toBe(0);
    expect(status.stdout).toBe(
      [
        `store:   ${dbPath}`,
        `schema:  version 1, latest ${latest}`,
        `pending: ${latest - 1} migrations`,
        ...migrations.slice(2).map((migration, index) => `  ${String(index + 2).padStart(3)}  ${migration.name}`),
        'Apply them with `orchestra db migrate` (any command that opens the store applies them too).',
        '',
      ].join('\n'),
    );
    expect(recordedVersions()).toEqual([0, 1]);

    const migrated = await bin('db', 'migrate', '--json');
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.stdout)).toEqual({ path: dbPath, applied: migrations.slice(2).map((_, index) => index + 2), current: latest, latest });
    expect(await bin('db', 'migrate')).toMatchObject({ code: 0, stdout: `${dbPath}: schema version ${latest} is up to date; nothing to apply\n` });
    expect(await bin('db', 'status')).toMatchObject({ code: 0, stdout: `store:   ${dbPath}\nschema:  version ${latest}, up to date\n` });
  });

  it('status on a home without a store says so and creates nothing', async () => {
    const status = await bin('db', 'status', '--json');
    expect(JSON.parse(status.stdout)).toMatchObject({ path: dbPath, exists: false, current: -1, latest });
    expect((await bin('db', 'status')).stdout).toContain(`store:   ${dbPath} (not created yet)\nschema:  none yet, latest ${latest}\npending: ${latest + 1} migrations\n`);
    expect(existsSync(dbPath)).toBe(false);
  });

  it('two processes migrating one file at once both succeed, and each migration is applied once', async () => {
    olderStore(1);
    // Hold the write lock until both processes have the database open, so that they race for it.
    const holder = new Database(dbPath);
    holder.exec('BEGIN IMMEDIATE');
    const [a, b] = [spawnCli(['db', 'migrate', '--json'], { cwd: home, home }), spawnCli(['db', 'migrate', '--json'], { cwd: home, home })];
    try {
      await eventually(() => ([a, b].every((spawned) => hasOpen(spawned.child.pid, `${dbPath}-shm`)) ? true : undefined), 'both processes opening the store');
    } finally {
      holder.exec('COMMIT');
      holder.close();
    }
    const [exitA, exitB] = await Promise.all([a.exited, b.exited]);
    expect([exitA.code, exitB.code, a.stderr(), b.stderr()]).toEqual([0, 0, '', '']);
    const applied = [JSON.parse(a.stdout()).applied as number[], JSON.parse(b.stdout()).applied as number[]];
    // One of them applied every pending migration in one transaction; the other found nothing to do.
    expect(applied.flat().sort((x, y) => x - y)).toEqual(migrations.slice(1).map((_, index) => index + 1));
    expect(applied.some((list) => list.length === 0)).toBe(true);
    expect(recordedVersions()).toEqual(migrations.map((_, index) => index));
  });

  it('a store written by a newer Orchestra: a clear error, and nothing is changed', async () => {
    olderStore(migrations.length);
    const db = new Database(dbPath);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(latest + 1, 'newer', 0);
    db.close();
    const expected = {
      code: 70,
      stdout: '',
      stderr: `error[E_STORE]: database ${dbPath} has schema version ${latest + 1}, newer than this Orchestra supports (${latest})\n  hint: A newer Orchestra wrote it: upgrade Orchestra (npm install -g orchestra@latest), or set ORCHESTRA_HOME to use another database.\n`,
    };
    expect(await bin('db', 'status')).toEqual(expected);
    expect(await bin('db', 'migrate')).toEqual(expected);
    expect(recordedVersions()).toEqual([...migrations.map((_, index) => index), latest + 1]);
  });
});
