import { z } from 'zod';
import { WorkflowStatuses } from '../../store/workflow-types.js';
import { cancelWorkflowInstance, getWorkflowInstance, signalWorkflowInstance, startWorkflowInstance } from '../workflows/index.js';
import { signalInput, startInput, workflowIdInput } from '../workflows/schemas.js';
import { requireKnownProject } from './known-project.js';
import { offsetPage } from './offset-page.js';
import { defineOperation } from './operation.js';
import { pageInput, pageOf } from './pagination.js';
import { workflowContext } from './workflow-context.js';
import { workflowDetailSchema, workflowInstanceSchema, workflowSignalSchema } from './workflow-schema.js';

/*
 * Code-first workflows over the API (issue 12): start an instance of a project's workflow, follow
 * it, signal and cancel it, in the caller's tenant. The daemon's worker runs the instances.
 */

const project = z.string().min(1).max(4096).describe('Absolute path of a project this Orchestra serves: its workflows/ folder defines the workflow.');

export const workflowOperations = [
  defineOperation({
    name: 'workflows.start',
    summary: 'Start a workflow',
    description:
      'Starts an instance of the code-first workflow `name` defined in `project`/workflows/, with `input` checked against the workflow\'s own schema (E_WORKFLOW_INPUT names each bad field; E_WORKFLOW_NOT_FOUND suggests a name). With `id` the start is idempotent: an instance with that id is returned unchanged (created: false). The daemon runs it; follow it with workflow_status.',
    access: 'write',
    idempotent: true,
    input: startInput.extend({ project }),
    output: z.object({ instance: workflowInstanceSchema, created: z.boolean() }),
    http: { method: 'post', path: '/workflows' },
    mcp: 'workflow_start',
    handle: async (deps, caller, { project: dir, ...input }) => startWorkflowInstance(workflowContext(deps, caller, requireKnownProject(deps, dir)), input),
  }),
  defineOperation({
    name: 'workflows.list',
    summary: 'List workflow instances',
    description: 'The instances of your tenant, newest first, optionally only those with one of `status` or named `name`. Paginated: pass `nextCursor` back as `cursor`.',
    access: 'read',
    input: z.strictObject({ status: z.array(z.enum(WorkflowStatuses)).min(1).optional(), name: z.string().min(1).max(200).optional(), ...pageInput }),
    output: pageOf(workflowInstanceSchema),
    http: { method: 'get', path: '/workflows' },
    mcp: 'workflow_list',
    handle: (deps, caller, { status, name, ...page }) =>
      offsetPage(page, (limit) => deps.store.listWorkflows(caller.scope, { ...(status && { status }), ...(name !== undefined && { name }), limit })),
  }),
  defineOperation({
    name: 'workflows.get',
    summary: 'Get a workflow instance with its journal',
    description: 'One instance of your tenant: its status, input, result or error, what it waits on, every durable call journaled so far, the signals sent to it, and `pendingTask`, the human task it waits on (answer it with human_task_answer). E_WORKFLOW_NOT_FOUND when your tenant has none with this id.',
    access: 'read',
    input: workflowIdInput,
    output: workflowDetailSchema,
    http: { method: 'get', path: '/workflows/{id}' },
    mcp: 'workflow_status',
    handle: (deps, caller, input) => getWorkflowInstance(workflowContext(deps, caller), input),
  }),
  defineOperation({
    name: 'workflows.signal',
    summary: 'Send a signal to a workflow instance',
    description: "Sends signal `name` with JSON `data` (default null) to an instance: kept until the workflow's waitForSignal(name) takes it, waking the instance if it waits for it. E_WORKFLOW_STATE when the instance has finished.",
    access: 'write',
    input: signalInput,
    output: workflowSignalSchema,
    http: { method: 'post', path: '/workflows/{id}/signal' },
    mcp: 'workflow_signal',
    handle: (deps, caller, input) => signalWorkflowInstance(workflowContext(deps, caller), input),
  }),
  defineOperation({
    name: 'workflows.cancel',
    summary: 'Cancel a workflow instance',
    description: 'Cancels an instance at once; the worker then runs its cleanup (finally blocks). E_WORKFLOW_STATE when it has finished already.',
    access: 'write',
    destructive: true,
    input: workflowIdInput,
    output: workflowInstanceSchema,
    http: { method: 'post', path: '/workflows/{id}/cancel' },
    mcp: 'workflow_cancel',
    handle: (deps, caller, input) => cancelWorkflowInstance(workflowContext(deps, caller), input),
  }),
] as const;
