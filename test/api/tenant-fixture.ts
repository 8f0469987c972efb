import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requestParts } from '../../src/client/http-request.js';
import { smallPipeline } from '../../src/cli/testing/pipelines.js';
import { startTokenServer, type TokenServer } from '../../src/server/http/testing/token-server.js';
import { DaemonState } from '../../src/server/tasks/daemon-state.js';
import { createProfileSource } from '../../src/server/tasks/profile-source.js';
import { taskPort } from '../../src/server/tasks/task-port.js';
import { TaskService } from '../../src/server/tasks/task-service.js';
import { operations, type ApiDeps } from '../../src/services/api/index.js';
import { openApiHarness, type ApiHarness } from '../../src/services/api/testing/api-harness.js';
import type { RunLaunch } from '../../src/services/runs/launch-port.js';

/*
 * Two tenants on one real API server (issue 12): createHttpApp on 127.0.0.1 port 0 over a SQLite
 * store, real bearer tokens, the daemon's real TaskService over a git project it serves. Tenant
 * `a` owns one object of each kind, each carrying `marker` in its text so a list that leaks it
 * shows. Runs are launched by a recorder: what B asks to launch is kept, nothing is spawned.
 */

export const marker = 'a-secret';

export interface TenantAObjects {
  humanTask: string;
  workflow: string;
  run: string;
  token: { id: string; name: string };
  /** The coding task's id in the served project. */
  task: number;
  /** A guided instance (REFACTOR_WITH_TESTS, the shipped template) of a's. */
  guided: string;
}

export interface Reply {
  status: number;
  body: { code?: string; items?: unknown[] } & Record<string, unknown>;
}

export interface Tenants {
  h: ApiHarness;
  api: TokenServer;
  /** The project the server serves, and a folder (a git project too) it does not serve. */
  project: string;
  unserved: string;
  tokens: { a: string; bAdmin: string; bWrite: string; bRead: string };
  a: TenantAObjects;
  launches: RunLaunch[];
  /** An admin token of a new tenant (b2, b3…): what a creating call uses, so an id of a's it reuses shadows nothing later. */
  newTenantToken(): Promise<string>;
  /** Calls operation `name` over HTTP with `token`, mapping the input as the typed client does. */
  call(name: string, token: string, input: Record<string, unknown>): Promise<Reply>;
  /** Everything of tenant a an operation could change, as A reads it. */
  snapshotA(): Promise<unknown>;
  close(): Promise<void>;
}

const refactorWithTests = fileURLToPath(new URL('../../templates/guided/REFACTOR_WITH_TESTS', import.meta.url));

function gitProject(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'a.dot'), smallPipeline);
  cpSync(refactorWithTests, join(dir, 'workflows', 'REFACTOR_WITH_TESTS'), { recursive: true });
  git('add', '.');
  git('-c', 'user.email=t@orchestra.invalid', '-c', 'user.name=T', 'commit', '-q', '-m', 'initial');
}

export async function openTenants(): Promise<Tenants> {
  const h = await openApiHarness();
  const project = h.project.dir;
  const unserved = join(h.deps.home, 'unserved');
  gitProject(project);
  gitProject(unserved);
  const env = { ...process.env, ORCHESTRA_HOME: h.deps.home };
  const quiet = { ...h.deps.log, close: () => undefined };
  const service = new TaskService({ home: h.deps.home, state: DaemonState.load(join(h.deps.home, 'state'), () => undefined), log: quiet, env, hookCommand: [], quietMs: 300, profiles: createProfileSource(env) });
  const launches: RunLaunch[] = [];
  const deps: ApiDeps = { ...h.deps, tasks: taskPort(service), runs: { launch: async (request) => void launches.push(request) } };
  const api = await startTokenServer(deps);
  const tokens = { a: await api.token('a', 'ann', 'admin'), bAdmin: await api.token('b', 'root', 'admin'), bWrite: await api.token('b', 'root', 'write'), bRead: await api.token('b', 'root', 'read') };

  const call = async (name: string, token: string, input: Record<string, unknown>): Promise<Reply> => {
    const op = operations.find((candidate) => candidate.name === name);
    if (!op) throw new Error(`no operation ${name}`);
    const { path, query, body } = requestParts(op.http, input);
    const response = await fetch(`${api.url}${path}${query.size > 0 ? `?${query}` : ''}`, {
      method: op.http.method.toUpperCase(),
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body }),
    });
    return { status: response.status, body: (await response.json()) as Reply['body'] };
  };
  const asA = async (name: string, input: Record<string, unknown>): Promise<Reply['body']> => {
    const reply = await call(name, tokens.a, input);
    if (reply.status !== 200) throw new Error(`${name} as tenant a: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const a = await makeObjects(h, asA, project);
  let tenants = 1;
  return {
    h,
    api,
    project,
    unserved,
    tokens,
    a,
    launches,
    call,
    newTenantToken: () => api.token(`b${++tenants}`, 'root', 'admin'),
    snapshotA: async () => ({
      humanTask: await asA('humanTasks.get', { id: a.humanTask }),
      workflow: await asA('workflows.get', { id: a.workflow }),
      run: await asA('runs.get', { runId: a.run }),
      guided: await asA('guided.show', { instance_id: a.guided }),
      // lastUsedAt moves whenever A's own token is used: not something B changed.
      tokens: ((await asA('tokens.list', { includeRevoked: true })).items as Array<Record<string, unknown>>).map(({ lastUsedAt: _used, ...token }) => token),
      taskFiles: readdirSync(join(project, '.orchestra/tasks')).map((file) => readFileSync(join(project, '.orchestra/tasks', file), 'utf8')),
      launchesOfA: launches.filter((launch) => launch.runId === a.run || ('from' in launch && launch.from === a.run)),
    }),
    async close() {
      await api.server.close();
      await service.shutdown();
      await h.close();
    },
  };
}

/** Tenant a's objects, made through the API with A's token (the run is a record in the store, as a finished process leaves it). */
async function makeObjects(h: ApiHarness, asA: (name: string, input: Record<string, unknown>) => Promise<Reply['body']>, project: string): Promise<TenantAObjects> {
  const humanTask = (await asA('humanTasks.create', { title: `${marker} approval`, form: { ok: { type: 'boolean', required: true } } })).id as string;
  const workflow = ((await asA('workflows.start', { project, name: 'approval', input: { amount: 1, customer: marker }, id: 'wf-a' })).instance as { id: string }).id;
  const run = 'runoftenanta';
  await h.store.createRun({ id: run, pipeline: marker, file: join(project, 'a.dot'), source: smallPipeline, goal: marker, logsRoot: join(h.deps.home, 'runs', run), variables: {}, options: {}, startedAt: h.deps.clock.now(), tenant: 'a' });
  // Interrupted: the state in which runs.resume would launch it, were the tenant not checked.
  await h.store.updateRun(run, { state: 'interrupted', currentNode: 'plan', updatedAt: h.deps.clock.now() });
  // Its one checkpoint, the last (nothing follows it, so runs.replay refuses it): runs.checkpoint reads it.
  const last = { v: 1 as const, seq: 1, timestamp: h.deps.clock.now(), currentNode: 'plan', nextNode: null, completedNodes: ['start', 'plan'], nodeOutcomes: {}, nodeRetries: {}, context: { marker }, logs: [], loopRestarts: 0 };
  await h.store.commitCheckpoint(run, last, { currentNode: 'plan', updatedAt: h.deps.clock.now() }, []);
  const token = ((await asA('tokens.create', { name: `${marker}-robot`, access: 'read' })).record as { id: string; name: string });
  const task = (await asA('tasks.create', { project, slug: 'a-task', description: `${marker}: only tenant a asked for this` })).id as number;
  const guided = (await asA('guided.start', { project, workflow_name: 'REFACTOR_WITH_TESTS', context: { target: `src/${marker}.ts` } })).instance_id as string;
  return { humanTask, workflow, run, token: { id: token.id, name: token.name }, task, guided };
}
