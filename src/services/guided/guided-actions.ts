import { advanceGuided, getGuidedStatus, resumeGuided, startGuided, type GuidedAnswer } from '../../engine/guided/index.js';
import { guidedNotFoundError } from '../../store/guided-errors.js';
import type { GuidedDecisionRecord, GuidedFilter, GuidedHistoryEntry, GuidedInstance } from '../../store/guided-types.js';
import { listGuidedDefinitions } from '../../guided/list-definitions.js';
import { guidedDeps, type GuidedServiceContext } from './guided-context.js';
import { guidedDefinitionOf, summarizeDefinition } from './guided-definitions.js';
import type { AdvanceWorkflowInput, ResumeWorkflowInput, StartWorkflowInput } from './schemas.js';

/*
 * The guided-workflow services (seed 004, issue 13): what list_workflows, start_workflow,
 * get_workflow_status, advance_workflow and resume_workflow do, and `orchestra guided` with them.
 * `projectDir` is a project already checked (the API: a known one; the CLI: the current one).
 */

export async function listWorkflows(ctx: GuidedServiceContext, projectDir: string): Promise<{ workflows: Array<ReturnType<typeof summarizeDefinition>> }> {
  const entries = await listGuidedDefinitions(projectDir, ctx.env);
  return { workflows: entries.map(summarizeDefinition) };
}

export async function startWorkflow(ctx: GuidedServiceContext, projectDir: string, input: StartWorkflowInput): Promise<GuidedAnswer> {
  const definition = await guidedDefinitionOf(projectDir, ctx.env, input.workflow_name);
  return startGuided(guidedDeps(ctx, projectDir), ctx.scope, { definition, context: input.context ?? {}, projectDir });
}

export async function workflowStatus(ctx: GuidedServiceContext, input: { instance_id: string }): Promise<GuidedAnswer> {
  const instance = await instanceOf(ctx, input.instance_id);
  return getGuidedStatus(guidedDeps(ctx, instance.projectDir), ctx.scope, input);
}

export async function advanceWorkflow(ctx: GuidedServiceContext, input: AdvanceWorkflowInput): Promise<GuidedAnswer> {
  const instance = await instanceOf(ctx, input.instance_id);
  return advanceGuided(guidedDeps(ctx, instance.projectDir), ctx.scope, input);
}

export async function resumeWorkflow(ctx: GuidedServiceContext, input: ResumeWorkflowInput): Promise<GuidedAnswer> {
  const instance = await instanceOf(ctx, input.instance_id);
  return resumeGuided(guidedDeps(ctx, instance.projectDir), ctx.scope, input);
}

export interface GuidedDetail {
  instance: GuidedInstance;
  history: GuidedHistoryEntry[];
  decisions: GuidedDecisionRecord[];
}

/** An instance with every report and every decision (its input, output, reason, by whom): `orchestra guided show`. */
export async function showWorkflow(ctx: GuidedServiceContext, input: { instance_id: string }): Promise<GuidedDetail> {
  const instance = await instanceOf(ctx, input.instance_id);
  const [history, decisions] = await Promise.all([ctx.store.readGuidedHistory(ctx.scope, instance.id), ctx.store.readGuidedDecisions(ctx.scope, instance.id)]);
  return { instance, history, decisions };
}

/** The tenant's instances, newest first (100 unless `filter.limit` says): `orchestra guided instances`. */
export function listInstances(ctx: GuidedServiceContext, filter: GuidedFilter = {}): Promise<GuidedInstance[]> {
  return ctx.store.listGuidedInstances(ctx.scope, filter);
}

async function instanceOf(ctx: GuidedServiceContext, id: string): Promise<GuidedInstance> {
  const instance = await ctx.store.getGuidedInstance(ctx.scope, id);
  if (instance === undefined) throw guidedNotFoundError(id);
  return instance;
}
