import { z } from 'zod';
import { answerHumanTask, cancelHumanTask, claimHumanTask, createHumanTask, getHumanTask, listHumanTasks, reassignHumanTask, releaseHumanTask } from '../human-tasks/public.js';
import { answerInput, cancelInput, createInput, listInput, reassignInput, taskIdInput } from '../human-tasks/schemas.js';
import { humanTaskContext, humanTaskReader, peopleProject } from './human-task-context.js';
import { humanTaskSchema } from './human-task-schema.js';
import { defineOperation } from './operation.js';
import { pageInput, pageOf } from './pagination.js';

/*
 * Human tasks over the API (issue 12): the inbox's operations, as the caller's user in the caller's
 * tenant. Who that user is to `people:` (groups, admin) comes from the `project` named, else from
 * the daemon's config (human-task-context.ts).
 */

const who = "You act as your token's user; with `project`, that project's orchestra.yaml people: decide your groups and admin rights, else ORCHESTRA_HOME/config.yaml's.";

export const humanTaskOperations = [
  defineOperation({
    name: 'humanTasks.list',
    summary: 'List human tasks (the inbox)',
    description: `Lists the human tasks of your tenant waiting for a person (open or claimed unless \`status\` says otherwise), overdue first. view=mine: assigned to you, to one of your groups, or to nobody; view=group: assigned to \`group\`; view=all: the whole tenant. Paginated: pass \`nextCursor\` back as \`cursor\`. ${who}`,
    access: 'read',
    input: z.strictObject({ view: listInput.shape.view, group: listInput.shape.group, status: listInput.shape.status, ...pageInput, project: peopleProject }),
    output: pageOf(humanTaskSchema),
    http: { method: 'get', path: '/human-tasks' },
    mcp: 'human_task_list',
    handle: async (deps, caller, { project, ...filter }) => {
      const page = await listHumanTasks(await humanTaskContext(deps, caller, project), filter);
      return { items: page.tasks, ...(page.nextCursor !== undefined && { nextCursor: page.nextCursor }) };
    },
  }),
  defineOperation({
    name: 'humanTasks.get',
    summary: 'Get a human task',
    description: 'One human task of your tenant: its form (the fields an answer fills in), context, assignee, status, answer and history. E_HUMAN_TASK_NOT_FOUND when your tenant has no task with this id.',
    access: 'read',
    input: taskIdInput,
    output: humanTaskSchema,
    http: { method: 'get', path: '/human-tasks/{id}' },
    mcp: 'human_task_get',
    handle: (deps, caller, input) => getHumanTask(humanTaskReader(deps, caller), input),
  }),
  defineOperation({
    name: 'humanTasks.create',
    summary: 'Create a human task for a person',
    description: `Creates a task a person answers by filling in a form: \`form\` maps field names to fields ({ type: text|textarea|number|boolean|select|multiselect|date|email|url, label, required, options, min, max, pattern }); \`assignee\` is user:ID or group:ID of people: (absent: anyone may answer); \`sla\` (e.g. 30m) and \`escalation\` set its deadline and what happens when it passes. Returns the task; its id is what human_task_get and human_task_answer take. ${who}`,
    access: 'write',
    input: createInput.omit({ createdBy: true }).extend({ project: peopleProject }),
    output: humanTaskSchema,
    http: { method: 'post', path: '/human-tasks' },
    mcp: 'human_task_create',
    handle: async (deps, caller, { project, ...input }) => createHumanTask(await humanTaskContext(deps, caller, project), { ...input, createdBy: { kind: 'api', by: caller.user } }),
  }),
  defineOperation({
    name: 'humanTasks.claim',
    summary: 'Claim a human task',
    description: `Claims an open task you may answer, so others see you are on it. E_NOT_ELIGIBLE when it is assigned to someone else; E_HUMAN_TASK_STATE when it is claimed by another or finished. ${who}`,
    access: 'write',
    input: taskIdInput.extend({ project: peopleProject }),
    output: humanTaskSchema,
    http: { method: 'post', path: '/human-tasks/{id}/claim' },
    mcp: 'human_task_claim',
    handle: async (deps, caller, { project, ...input }) => claimHumanTask(await humanTaskContext(deps, caller, project), input),
  }),
  defineOperation({
    name: 'humanTasks.release',
    summary: 'Release a claimed human task',
    description: `Gives back a task you claimed, so anyone eligible may claim or answer it. ${who}`,
    access: 'write',
    input: taskIdInput.extend({ project: peopleProject }),
    output: humanTaskSchema,
    http: { method: 'post', path: '/human-tasks/{id}/release' },
    mcp: 'human_task_release',
    handle: async (deps, caller, { project, ...input }) => releaseHumanTask(await humanTaskContext(deps, caller, project), input),
  }),
  defineOperation({
    name: 'humanTasks.answer',
    summary: 'Answer (complete) a human task',
    description: `Completes a task with \`answer\`, an object with a value for each field of its form (read it with human_task_get first). The answer is checked against the form: E_FORM_INVALID lists every bad field in \`fields\` and the task stays open. The first valid answer wins: a task already answered is E_HUMAN_TASK_STATE. ${who}`,
    access: 'write',
    input: answerInput.extend({ project: peopleProject }),
    output: humanTaskSchema,
    http: { method: 'post', path: '/human-tasks/{id}/answer' },
    mcp: 'human_task_answer',
    handle: async (deps, caller, { project, ...input }) => answerHumanTask(await humanTaskContext(deps, caller, project), input),
  }),
  defineOperation({
    name: 'humanTasks.reassign',
    summary: 'Reassign a human task',
    description: `Assigns a waiting task to \`to\` (user:ID or group:ID of people:); its current assignee or an admin may. ${who}`,
    access: 'write',
    input: reassignInput.extend({ project: peopleProject }),
    output: humanTaskSchema,
    http: { method: 'post', path: '/human-tasks/{id}/reassign' },
    mcp: 'human_task_reassign',
    handle: async (deps, caller, { project, ...input }) => reassignHumanTask(await humanTaskContext(deps, caller, project), input),
  }),
  defineOperation({
    name: 'humanTasks.cancel',
    summary: 'Cancel a human task',
    description: `Cancels a waiting task (its creator or an admin may), with an optional \`reason\`; whatever waits on it (a run's gate, a workflow) sees it cancelled. ${who}`,
    access: 'write',
    destructive: true,
    input: cancelInput.extend({ project: peopleProject }),
    output: humanTaskSchema,
    http: { method: 'post', path: '/human-tasks/{id}/cancel' },
    mcp: 'human_task_cancel',
    handle: async (deps, caller, { project, ...input }) => cancelHumanTask(await humanTaskContext(deps, caller, project), input),
  }),
] as const;
