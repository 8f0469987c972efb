import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/*
 * Real processes for the /events tests, over the built dist/ (`npm test` builds first): a writer
 * that commits run events, a human task and a workflow to the store file, and an events server.
 */

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dist = (path: string): string => JSON.stringify(`${root}dist/${path}`);

export function requireDist(): void {
  if (!existsSync(`${root}dist/server/sse/testing/events-app.js`)) throw new Error('dist/ is missing or old: run `npm run build` before the /events process tests.');
}

/**
 * Writes `count` run events, one transaction each, round-robin over runs r1 and r2 of tenant acme
 * (after creating them, a human task h1 and a workflow w1) and one run of tenant globex; prints each
 * event's number once committed. `paceMs` spreads them out, so a test can act while they come.
 */
const writerScript = `
import { openSqliteStore } from ${dist('store/sqlite/index.js')};
import { mintTenantScope } from ${dist('core/tenant-scope.js')};
const store = await openSqliteStore(process.env.DB);
const acme = mintTenantScope('acme');
const run = (id, tenant) => ({ id, tenant, pipeline: 'p', file: '/p.dot', source: 'digraph p {}', goal: '', logsRoot: '/tmp/' + id, variables: {}, options: {}, startedAt: 1 });
await store.createRun(run('r1', 'acme'));
await store.createRun(run('r2', 'acme'));
await store.createRun(run('g1', 'globex'));
await store.createHumanTask(acme, { id: 'h1', title: 't', description: '', form: {}, context: {}, createdBy: { kind: 'api' }, actor: 'system', createdAt: 1 });
await store.startWorkflow(acme, { id: 'w1', name: 'support', version: 'v1', input: {}, createdAt: 1 });
await store.appendEvents('g1', [{ type: 'log', level: 'info', message: 'globex', at: 1 }]);
const count = Number(process.env.COUNT);
for (let i = 1; i <= count; i++) {
  await store.appendEvents(i % 2 ? 'r1' : 'r2', [{ type: 'log', level: 'info', message: 'event ' + i, at: i }]);
  console.log(i);
  if (Number(process.env.PACE_MS) > 0) await new Promise((resolve) => setTimeout(resolve, Number(process.env.PACE_MS)));
}
await store.close();
`;

export interface WriterProcess {
  /** The last number the writer printed (events committed). */
  written(): number;
  done: Promise<void>;
}

export function startFeedWriter(db: string, count: number, paceMs = 0): WriterProcess {
  const child = spawn(process.execPath, ['--input-type=module', '-e', writerScript], { cwd: root, env: { ...process.env, DB: db, COUNT: String(count), PACE_MS: String(paceMs) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let written = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = chunk.toString().trim().split('\n');
    written = Number(lines.at(-1));
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = exited(child).then((code) => {
    if (code !== 0) throw new Error(`the writer exited with ${code}: ${stderr}`);
  });
  return { written: () => written, done };
}

/** An events server process (the store file, a watcher, the /events mount): prints its URL. */
const serverScript = `
import { openSqliteStore, watchStoreChanges } from ${dist('store/sqlite/index.js')};
import { startEventsServer } from ${dist('server/sse/testing/events-app.js')};
const store = await openSqliteStore(process.env.DB);
const server = await startEventsServer(store, { changes: watchStoreChanges(process.env.DB), heartbeatMs: 1000 });
console.log(server.url);
`;

export interface ServerProcess {
  url: Promise<string>;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export function startEventsServerProcess(db: string): ServerProcess {
  const child = spawn(process.execPath, ['--input-type=module', '-e', serverScript], { cwd: root, env: { ...process.env, DB: db }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString().trim().split('\n')[0] ?? ''));
    child.on('exit', (code) => reject(new Error(`the events server exited with ${code}: ${stderr}`)));
  });
  return { url, child, exited: exited(child) };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}
