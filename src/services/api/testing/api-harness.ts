import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { systemClock } from '../../../core/clock.js';
import { ErrorCode, OrchestraError } from '../../../core/errors.js';
import { mintTenantScope } from '../../../core/tenant-scope.js';
import * as orchestra from '../../../index.js';
import { openSqliteStore } from '../../../store/sqlite/open-sqlite-store.js';
import type { Store } from '../../../store/store.js';
import { loadWorkflows } from '../../../workflows/loader/index.js';
import { createWorkflowProject, type TestProject } from '../../workflows/testing/project.js';
import type { ApiDeps } from '../deps.js';
import { createHumanTaskSettings } from '../human-task-settings.js';
import { allows, type Access, type ApiCaller, type Operation } from '../operation.js';
import { absentPorts } from './absent-ports.js';

/*
 * The operations' deps over real parts, for tests (issue 12): a SQLite store in a temp home whose
 * config.yaml lists people (ann and bob in group support, root an admin) and routes `created`
 * notices to a webhook channel, and a known project (the workflow services' test project, whose
 * orchestra.yaml makes ann an admin).
 */

const homeConfig = `people:
  users:
    ann: { email: ann@example.com }
    bob: {}
    root: {}
  groups:
    support: [ann, bob]
  admins: [root]
notifications:
  channels:
    hook: { type: webhook, url_env: HOOK_URL, secret_env: HOOK_SECRET }
  route:
    - { events: [created, completed], channels: [hook] }
`;

export interface ApiHarness {
  deps: ApiDeps;
  store: Store;
  project: TestProject;
  caller(tenant: string, user: string, access?: Access): ApiCaller;
  close(): Promise<void>;
}

export async function openApiHarness(): Promise<ApiHarness> {
  const home = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-api-')));
  writeFileSync(join(home, 'config.yaml'), homeConfig);
  const store = await openSqliteStore(join(home, 'orchestra.db'));
  const project = createWorkflowProject('orchestra-api-project-');
  const log = { info() {}, warn() {}, error() {} };
  // A second passes between two readings: what lists newest first has one order, never a tie.
  let ticks = 0;
  const clock = { now: () => 1_800_000_000_000 + 1_000 * ticks++, sleep: systemClock.sleep };
  const deps: ApiDeps = {
    store,
    clock,
    home,
    env: {},
    log,
    ...absentPorts(),
    projects: { list: () => [project.dir] },
    humanTaskSettings: createHumanTaskSettings({ store, home, env: {}, log, now: clock.now }),
    loadWorkflows: (dir) => loadWorkflows(dir, { orchestraModule: orchestra }),
  };
  return {
    deps,
    store,
    project,
    caller: (tenant, user, access = 'write') => ({ scope: mintTenantScope(tenant), user, access }),
    async close() {
      await store.close();
      project.remove();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * Runs operation `name` as a way in does: access checked, the input parsed by its schema (a bad one
 * E_USAGE with every field), the handler, then the result checked against the output schema.
 */
export async function invoke<const Ops extends readonly Operation[], N extends Ops[number]['name']>(
  ops: Ops,
  name: N,
  deps: ApiDeps,
  caller: ApiCaller,
  input: z.input<Extract<Ops[number], { name: N }>['input']> | Record<string, unknown>,
): Promise<z.output<Extract<Ops[number], { name: N }>['output']>> {
  const op = ops.find((candidate) => candidate.name === name);
  if (!op) throw new Error(`no operation ${name}`);
  if (!allows(caller.access, op.access)) throw new OrchestraError(ErrorCode.USAGE, `${name} needs a ${op.access} token`);
  const parsed = op.input.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
    throw new OrchestraError(ErrorCode.USAGE, fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
  }
  return op.output.parse(await op.handle(deps, caller, parsed.data)) as z.output<Extract<Ops[number], { name: N }>['output']>;
}
