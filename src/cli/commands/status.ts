import { resolve } from 'node:path';
import { ErrorCode, ExitCode, isOrchestraError, OrchestraError, plural } from '../../core/index.js';
import { systemClock } from '../../core/clock.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import { authenticateLocal } from '../../services/auth/local-scope.js';
import { getWorkflowInstance, type WorkflowInstanceDetail } from '../../services/workflows/index.js';
import { newestFirst } from '../status/workflow-rows.js';
import { instanceStart, instancesNewestFirst } from '../status/guided-rows.js';
import { formatGuidedDetail } from '../guided-commands/format.js';
import { showWorkflow as showGuided, type GuidedDetail } from '../../services/guided/index.js';
import { formatWorkflowDetail } from '../workflow-commands/format-instance.js';
import type { Store } from '../../store/store.js';
import type { RunRecord } from '../../store/types.js';
import type { CommandContext } from '../command-context.js';
import { resolveRunRef } from '../run-ref.js';
import { formatRunDetail } from '../status/run-detail.js';
import { conversationsOf } from '../../engine/handlers/codergen/interactive/chat-log.js';
import { formatRunList } from '../status/run-list.js';
import { openGateTasksByRun, type OpenGateTask } from '../../services/runs/gate-tasks-of-runs.js';
import { viewOf } from '../../services/runs/run-view.js';
import { damagedStoreHint } from '../../store/sqlite/index.js';
import { openCliStore } from '../store-location.js';

export interface StatusOptions {
  json?: boolean;
  detail?: boolean;
  all?: boolean;
  export?: string;
  /** Whose workflow instances are listed beside the runs (issue 11). */
  tenant?: string;
}

/** Runs listed without `--all`. */
export const defaultListLimit = 20;

/** `orchestra runs [RUN]`: the runs table, or one run (with `--detail`, its history). */
export async function statusCommand(ctx: CommandContext, ref: string | undefined, options: StatusOptions): Promise<number> {
  for (const flag of ['detail', 'export'] as const) {
    if (ref !== undefined || options[flag] === undefined || options[flag] === false) continue;
    throw new OrchestraError(ErrorCode.USAGE, `--${flag} needs a run.`, { hint: `Name one: \`orchestra runs <run> --${flag}${flag === 'export' ? ' <dir>' : ''}\` (see the ids with \`orchestra runs\`).` });
  }
  const { store, location } = await openCliStore(ctx.io.env);
  try {
    const now = Date.now();
    if (ref !== undefined && options.export !== undefined) return await exportRun(ctx, store, await resolveRunRef(store, ref), options.export);
    const scope = authenticateLocal({ ...(options.tenant !== undefined && { flag: options.tenant }), env: ctx.io.env });
    if (ref !== undefined) {
      const run = await resolveRunRef(store, ref).catch((error: unknown) => workflowInstead(store, scope, ref, error));
      if ('history' in run) return showGuidedInstance(ctx, run, options);
      if ('instance' in run) return showWorkflow(ctx, run, options);
      return await showRun(ctx, store, run, options, now, await openGateTasksByRun(store, [run]));
    }
    const limit = options.all ? undefined : defaultListLimit + 1;
    const records = await store.listRuns(limit === undefined ? undefined : { limit });
    const instances = instancesNewestFirst(await store.listWorkflows(scope, { limit: limit ?? 1_000_000 }), await store.listGuidedInstances(scope, { limit: limit ?? 1_000_000 }));
    const merged = newestFirst(records, (run) => run.startedAt, instances, instanceStart);
    const listed = merged.slice(0, options.all ? undefined : defaultListLimit);
    const shown = listed.flatMap((entry) => ('run' in entry ? [entry.run] : []));
    const listedInstances = listed.flatMap((entry) => ('workflow' in entry ? [entry.workflow] : []));
    const workflows = listedInstances.flatMap((entry) => ('workflow' in entry ? [entry.workflow] : []));
    const guided = listedInstances.flatMap((entry) => ('guided' in entry ? [entry.guided] : []));
    const tasks = await openGateTasksByRun(store, shown);
    const runs = await Promise.all(shown.map((run) => viewOf(store, run, now, tasks)));
    const more = !options.all && merged.length > defaultListLimit;
    if (options.json) {
      ctx.io.stdout.write(`${JSON.stringify({ runs, more, workflows, guided })}\n`);
    } else if (runs.length === 0 && listedInstances.length === 0) {
      ctx.io.stdout.write(`No runs yet in ${location.dbPath}. Start one: orchestra run <file>\n`);
    } else {
      ctx.io.stdout.write(`${formatRunList(runs, ctx.out, listedInstances, now)}\n`);
      if (more) ctx.io.stdout.write(`(the ${defaultListLimit} newest runs; \`orchestra runs --all\` lists every run)\n`);
    }
    for (const run of runs) if (run.damaged !== undefined) ctx.io.stderr.write(`${ctx.out.red('warning[E_STORE_CORRUPT]')}: ${run.damaged}\n`);
    if (runs.some((run) => run.damaged !== undefined)) ctx.io.stderr.write(`  hint: ${damagedStoreHint(location.dbPath)}\n`);
    return ExitCode.OK;
  } finally {
    await store.close();
  }
}

async function showRun(ctx: CommandContext, store: Store, run: RunRecord, options: StatusOptions, now: number, tasks: Map<string, OpenGateTask>): Promise<number> {
  const view = await viewOf(store, run, now, tasks);
  const detail = options.detail
    ? { nodes: await store.listNodeRecords(run.id), checkpoints: await store.listCheckpoints(run.id), conversations: await conversationsOf(store, run.id) }
    : undefined;
  if (options.json) ctx.io.stdout.write(`${JSON.stringify({ run: view, ...detail })}\n`);
  else ctx.io.stdout.write(`${formatRunDetail(view, ctx.out, detail)}\n`);
  return ExitCode.OK;
}

/** `runs RUN --export DIR`: the run directory's files, rebuilt from the store (the directory is its mirror). */
async function exportRun(ctx: CommandContext, store: Store, run: RunRecord, dir: string): Promise<number> {
  const { exportRunFiles } = await import('../../engine/run/export-run.js');
  const target = resolve(ctx.io.cwd, dir);
  const count = await exportRunFiles(store, run.id, target);
  ctx.io.stdout.write(`Exported ${plural(count, 'file')} of run ${run.id} to ${target}\n`);
  return ExitCode.OK;
}

/** `runs ID` for the id of a workflow instance of the tenant (issue 11) or a guided one (issue 13): that instance; else the run's error. */
async function workflowInstead(store: Store, scope: TenantScope, ref: string, error: unknown): Promise<WorkflowInstanceDetail | GuidedDetail> {
  if (!(isOrchestraError(error) && error.code === ErrorCode.RUN_NOT_FOUND)) throw error;
  if (await store.getGuidedInstance(scope, ref)) return showGuided({ store, scope, clock: systemClock, env: {} }, { instance_id: ref });
  if (!(await store.getWorkflow(scope, ref))) throw error;
  // Showing reads no workflow code: the project dir is not used.
  return getWorkflowInstance({ store, scope, clock: systemClock, projectDir: '.' }, { id: ref });
}

function showWorkflow(ctx: CommandContext, detail: WorkflowInstanceDetail, options: StatusOptions): number {
  ctx.io.stdout.write(options.json ? `${JSON.stringify({ workflow: detail })}\n` : formatWorkflowDetail(detail, ctx.out));
  return ExitCode.OK;
}

function showGuidedInstance(ctx: CommandContext, detail: GuidedDetail, options: StatusOptions): number {
  ctx.io.stdout.write(options.json ? `${JSON.stringify({ guided: detail })}\n` : formatGuidedDetail(detail, ctx.out));
  return ExitCode.OK;
}
