import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStoreForChild } from '../../store/child-process.case.js';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store.js';
import { authenticateLocal } from '../auth/local-scope.js';

const t0 = 1_700_000_000_000;
const minute = 60_000;
const lease = 60_000;

/**
 * One process of the SLA's life, on the SQLite file $DB_PATH at the time $NOW: with CREATE=1 it
 * creates task h1 with a three-step chain; then it sweeps as $OWNER. With STOP_AT_ROUND=n it
 * prints the timers of its n-th claim once that claim has committed and waits to be SIGKILLed.
 * Last it prints what the sweep did and which notices it handed over.
 */
const child = `
import { openSqliteStore } from './store/sqlite/open-sqlite-store.js';
import { authenticateLocal } from './services/auth/local-scope.js';
import { createHumanTask } from './services/human-tasks/create.js';
import { escalationTimerHandlers } from './services/human-tasks/escalation-handlers.js';
import { runDueTimers } from './services/timers/run-due-timers.js';
const env = process.env;
const now = Number(env.NOW);
const store = await openSqliteStore(env.DB_PATH);
if (env.CREATE) {
  const people = { configured: true, users: { root: { id: 'root' } }, groups: { l1: ['root'], l2: ['root'] }, admins: ['root'] };
  // No due-soon notice (a lead as long as the SLA): these runs follow the escalation chain alone.
  const notices = { announce: async () => {}, dueSoon: { beforeMs: 30 * 60_000 } };
  const ctx = { store, scope: authenticateLocal({ flag: 'default', env: {} }), actor: { id: 'root', groups: [], admin: true }, people, now: () => now, notices };
  const form = { decision: { type: 'select', required: true, options: [{ value: 'approve', label: 'Approve' }, { value: 'reject', label: 'Reject' }] } };
  await createHumanTask(ctx, { id: 'h1', title: 'Approve', form, assignee: 'group:l1', sla: '30m', escalation: [
    { after: '30m', notify: 'slack', reassign: 'group:l2', priority: 'high' },
    { after: '45m', remind: { every: '10m' } },
    { after: '2h', answer: { decision: 'reject' } },
  ] });
}
const sent = [];
const notifier = { notify: async (notice) => { sent.push(notice.key); } };
let round = 0;
const onClaimed = async (timers) => {
  if (++round !== Number(env.STOP_AT_ROUND)) return;
  process.stdout.write(JSON.stringify({ stopped: timers.map((timer) => timer.id) }) + '\\n');
  setInterval(() => {}, 60_000);
  await new Promise(() => {});
};
const result = await runDueTimers({ store, clock: { now: () => now }, handlers: escalationTimerHandlers({ store, notifier }), owner: env.OWNER, leaseMs: ${lease}, onClaimed });
process.stdout.write(JSON.stringify({ result, sent }) + '\\n');
await store.close();
`;

interface ChildReport {
  stopped?: string[];
  result?: { claimed: number; fired: number; failed: unknown[] };
  sent?: string[];
}

/** Runs one child to its end, or SIGKILLs it once it reports `stopped`; resolves with its last report. */
function runChild(out: string, env: Record<string, string>): Promise<ChildReport & { killed: boolean }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--input-type=module', '-e', child], { cwd: out, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let last: ChildReport = {};
    const deadline = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) last = JSON.parse(line) as ChildReport;
      if (last.stopped) proc.kill('SIGKILL');
    });
    proc.on('exit', (code, signal) => {
      clearTimeout(deadline);
      if (signal === 'SIGKILL' && last.stopped) resolve({ ...last, killed: true });
      else if (code === 0) resolve({ ...last, killed: false });
      else reject(new Error(`child ${env.OWNER} ended with ${code ?? signal}: ${stderr}`));
    });
  });
}

describe('SLA escalation across process deaths (real processes, SIGKILL)', () => {
  let out: string;
  const scope = authenticateLocal({ flag: 'default', env: {} });
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'orchestra-sla-crash-'));
    await buildStoreForChild(out, ['src/core', 'src/pipeline', 'src/config', 'src/store', 'src/humans', 'src/services']);
  }, 60_000);
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  async function read(db: string) {
    const store = await openSqliteStore(db);
    try {
      return { task: await store.getHumanTask(scope, 'h1'), timers: await store.listTimers(scope) };
    } finally {
      await store.close();
    }
  }

  it('issue 10: a sweeper killed right after claiming the escalation leaves it to the next one, which escalates exactly once after the lease', async () => {
    const db = join(out, 'claimed.db');
    const due = t0 + 30 * minute;
    expect(await runChild(out, { DB_PATH: db, NOW: String(t0), CREATE: '1', OWNER: 'creator' })).toMatchObject({ result: { claimed: 0 } });
    const killed = await runChild(out, { DB_PATH: db, NOW: String(due + 1_000), OWNER: 'doomed', STOP_AT_ROUND: '1' });
    expect(killed).toMatchObject({ killed: true, stopped: ['esc:h1:0'] });
    let state = await read(db);
    expect(state.timers.find((timer) => timer.id === 'esc:h1:0')).toMatchObject({ claimedBy: 'doomed', attempts: 1 });
    expect(state.timers.find((timer) => timer.id === 'esc:h1:0')?.firedAt).toBeUndefined();
    expect(state.task?.history.map((entry) => entry.action)).toEqual(['created']);

    // While the dead process's lease holds, nobody fires it.
    expect(await runChild(out, { DB_PATH: db, NOW: String(due + 2_000), OWNER: 'early' })).toMatchObject({ result: { claimed: 0, fired: 0 } });
    const late = await runChild(out, { DB_PATH: db, NOW: String(due + 1_000 + lease), OWNER: 'heir' });
    expect(late).toMatchObject({ killed: false, result: { fired: 2, failed: [] }, sent: ['default:ntf:h1:0:escalated:step'] });

    state = await read(db);
    const escalated = state.task?.history.filter((entry) => entry.action === 'escalated') ?? [];
    expect(escalated.map((entry) => entry.detail)).toEqual([{ step: 0, notify: ['slack'], reassigned: { from: 'group:l1', to: 'group:l2' }, priority: { from: 'normal', to: 'high' } }]);
    expect(state.task).toMatchObject({ assignee: { kind: 'group', id: 'l2' }, priority: 'high', escalation: { step: 1 }, version: 2 });
    expect(state.timers.find((timer) => timer.id === 'esc:h1:0')).toMatchObject({ claimedBy: 'heir', attempts: 2, firedAt: due + 1_000 + lease });
    expect(state.timers.filter((timer) => timer.id.startsWith('esc:')).map((timer) => timer.id)).toEqual(['esc:h1:0', 'esc:h1:1']);

    // A sweep after that finds nothing more to do for step 0.
    expect(await runChild(out, { DB_PATH: db, NOW: String(due + 2 * lease), OWNER: 'after' })).toMatchObject({ result: { claimed: 0 }, sent: [] });
    expect((await read(db)).task?.version).toBe(2);
  }, 60_000);

  it('issue 10: killed after the escalation committed but before its notice went out: the escalation stays single, the notice goes out after the lease', async () => {
    const db = join(out, 'fired.db');
    const due = t0 + 30 * minute;
    await runChild(out, { DB_PATH: db, NOW: String(t0), CREATE: '1', OWNER: 'creator' });
    // Round 1 claims and fires the escalation; round 2 claims its notice, and the process dies there.
    expect(await runChild(out, { DB_PATH: db, NOW: String(due), OWNER: 'doomed', STOP_AT_ROUND: '2' })).toMatchObject({ killed: true, stopped: ['ntf:h1:0:escalated:step'] });
    expect((await read(db)).task?.history.map((entry) => entry.action)).toEqual(['created', 'escalated']);
    const heir = await runChild(out, { DB_PATH: db, NOW: String(due + lease), OWNER: 'heir' });
    expect(heir).toMatchObject({ result: { claimed: 1, fired: 1 }, sent: ['default:ntf:h1:0:escalated:step'] });
    const state = await read(db);
    expect(state.task?.history.map((entry) => entry.action)).toEqual(['created', 'escalated']);
    expect(state.timers.filter((timer) => timer.firedAt === undefined).map((timer) => timer.id)).toEqual(['esc:h1:1']);
  }, 60_000);

  it('issue 10: with no process alive across the due times, the next one fires every overdue step late, each once, in order', async () => {
    const db = join(out, 'late.db');
    await runChild(out, { DB_PATH: db, NOW: String(t0), CREATE: '1', OWNER: 'creator' });
    const late = await runChild(out, { DB_PATH: db, NOW: String(t0 + 5 * 60 * minute), OWNER: 'late' });
    // Every step sends its escalated notice (also step 1, which only reminds), the default answer a completed one.
    expect(late.sent).toEqual(['default:ntf:h1:0:escalated:step', 'default:ntf:h1:1:escalated:step', 'default:ntf:h1:1:reminder:0', 'default:ntf:h1:2:completed:final', 'default:ntf:h1:2:escalated:step']);
    const state = await read(db);
    expect(state.task).toMatchObject({ status: 'completed', answer: { decision: 'reject' }, answeredBy: 'system', escalation: { step: 3 } });
    expect(state.task?.history.map((entry) => [entry.action, entry.detail?.step])).toEqual([['created', undefined], ['escalated', 0], ['escalated', 1], ['answered', 2]]);
    // Step 1 reminded once (no catch-up burst) and set its next reminder from now; that one finds the task answered.
    expect(state.timers.filter((timer) => timer.firedAt === undefined).map((timer) => [timer.id, timer.dueAt - t0])).toEqual([['rem:h1:1:1', 5 * 60 * minute + 10 * minute]]);
    expect(await runChild(out, { DB_PATH: db, NOW: String(t0 + 10 * 60 * minute), OWNER: 'later' })).toMatchObject({ result: { claimed: 1, fired: 1 }, sent: [] });
    expect((await read(db)).task?.history).toHaveLength(4);
  }, 60_000);
});
