import { z } from 'zod';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { GuidedStatuses } from '../../store/guided-types.js';
import * as guided from '../guided/index.js';
import type { ApiDeps } from './deps.js';
import { requireKnownProject } from './known-project.js';
import { offsetPage } from './offset-page.js';
import { defineOperation, type ApiCaller } from './operation.js';
import { pageInput, pageOf } from './pagination.js';

/*
 * Guided workflows over the API and MCP (seed 004, issue 13). The five MCP tools carry seed 004's
 * names and shapes (list_workflows, start_workflow, get_workflow_status, advance_workflow,
 * resume_workflow); every answer has the instance id, the status and the next step's rendered
 * Client Instructions.
 */

function context(deps: ApiDeps, caller: ApiCaller): guided.GuidedServiceContext {
  return { store: deps.store, scope: caller.scope, clock: deps.clock, env: deps.env, tasks: deps.tasks };
}

/** The project named, or the only one this Orchestra serves. */
function projectOf(deps: ApiDeps, dir: string | undefined): string {
  if (dir !== undefined) return requireKnownProject(deps, dir);
  const known = deps.projects.list();
  if (known.length === 1) return known[0]!;
  throw new OrchestraError(ErrorCode.USAGE, known.length === 0 ? 'Orchestra serves no project yet' : `Orchestra serves ${known.length} projects: say which`, {
    hint: known.length === 0 ? 'Run an orchestra command in the project once to add it.' : `Pass project, one of: ${known.join(', ')}.`,
  });
}

const answer = guided.guidedAnswerSchema;
const next = 'Do what next_step.instructions say, then call advance_workflow with a report for that step.';

export const guidedOperations = [
  defineOperation({
    name: 'guided.definitions',
    summary: 'List guided workflows',
    description: 'The guided workflows of the project (workflows/NAME/index.md, or the folder WORKFLOW_DEFINITIONS_DIR names): each with its title, goal, steps and the context variables it takes, or its errors when it does not validate.',
    access: 'read',
    input: guided.listWorkflowsInput,
    output: z.object({ workflows: z.array(guided.workflowSummarySchema) }),
    http: { method: 'get', path: '/guided-definitions' },
    mcp: 'list_workflows',
    handle: (deps, caller, input) => guided.listWorkflows(context(deps, caller), projectOf(deps, input.project)),
  }),
  defineOperation({
    name: 'guided.start',
    summary: 'Start a guided workflow',
    description: `Starts an instance of a guided workflow with \`context\` (checked against the types its index.md declares: E_GUIDED_CONTEXT names each bad field) and answers with its first step. ${next}`,
    access: 'write',
    input: guided.startWorkflowInput,
    output: answer,
    http: { method: 'post', path: '/guided' },
    mcp: 'start_workflow',
    handle: (deps, caller, { project, ...input }) => guided.startWorkflow(context(deps, caller), projectOf(deps, project), input),
  }),
  defineOperation({
    name: 'guided.status',
    summary: 'Get a guided workflow instance\'s status',
    description: 'The instance\'s status (running, waiting, completed, failed), its current step with its instructions, and what it waits for. A finished wait (an answered human task, a completed coding task) is taken up here.',
    access: 'read',
    input: guided.instanceInput,
    output: answer,
    http: { method: 'get', path: '/guided/{instance_id}' },
    mcp: 'get_workflow_status',
    handle: (deps, caller, input) => guided.workflowStatus(context(deps, caller), input),
  }),
  defineOperation({
    name: 'guided.advance',
    summary: 'Report a step and get the next one',
    description: `Reports the outcome of the current step (report.step_id must name it: E_GUIDED_STEP_NOT_CURRENT otherwise, then call resume_workflow) with optional context_updates, and answers with the step the orchestrator chose (by the model when one is configured, else by the definition's rules) and why. ${next}`,
    access: 'write',
    input: guided.advanceWorkflowInput,
    output: answer,
    http: { method: 'post', path: '/guided/{instance_id}/advance' },
    mcp: 'advance_workflow',
    handle: (deps, caller, input) => guided.advanceWorkflow(context(deps, caller), input),
  }),
  defineOperation({
    name: 'guided.resume',
    summary: 'Resume a guided workflow after an interruption',
    description: 'Reconnects to an instance, saying which step the agent believes is current (and optionally reporting it). When that differs from the recorded step the orchestrator reconciles: it continues from the agent\'s view, rolls back to the recorded step, or asks a person, and says which and why.',
    access: 'write',
    input: guided.resumeWorkflowInput,
    output: answer,
    http: { method: 'post', path: '/guided/{instance_id}/resume' },
    mcp: 'resume_workflow',
    handle: (deps, caller, input) => guided.resumeWorkflow(context(deps, caller), input),
  }),
  defineOperation({
    name: 'guided.show',
    summary: 'Show a guided workflow instance with its history and decisions',
    description: 'The instance, every report the agent made, and every decision: what was asked (of the model or the rules), what came back, the reason, and the fallback when the model was not followed.',
    access: 'read',
    input: guided.instanceInput,
    output: guided.guidedDetailSchema,
    http: { method: 'get', path: '/guided/{instance_id}/history' },
    mcp: 'guided_show',
    handle: (deps, caller, input) => guided.showWorkflow(context(deps, caller), input),
  }),
  defineOperation({
    name: 'guided.list',
    summary: 'List guided workflow instances',
    description: 'The guided instances of your tenant, newest first, optionally only those with one of `status` or of workflow `name`. Paginated: pass `nextCursor` back as `cursor`.',
    access: 'read',
    input: z.strictObject({ status: z.array(z.enum(GuidedStatuses)).min(1).optional(), name: z.string().min(1).max(200).optional(), ...pageInput }),
    output: pageOf(guided.guidedInstanceSchema),
    http: { method: 'get', path: '/guided' },
    mcp: 'guided_list',
    handle: (deps, caller, { status, name, ...page }) =>
      offsetPage(page, (limit) => deps.store.listGuidedInstances(caller.scope, { ...(status && { status }), ...(name !== undefined && { workflowName: name }), limit })),
  }),
] as const;
