import { z } from 'zod';
import { TaskStatus } from '../../tasks/index.js';
import { requireKnownProject } from './known-project.js';
import { defineOperation } from './operation.js';
import { pageInput, pageOf } from './pagination.js';
import { taskOfWorktree } from './task-of-worktree.js';
import { taskPage } from './task-page.js';
import { projectInput, refInput, slugInput, taskProblemOutput, taskTarget, taskViewOutput } from './task-schemas.js';

/*
 * Coding-agent tasks (issue 12, seed 002): one markdown file per unit of work in
 * `<project>/.orchestra/tasks/`, run by one coding agent in its own git worktree. Every operation
 * names its project (a known one: requireKnownProject) and the daemon's task service does the work.
 */

const target = z.strictObject(taskTarget);
const naming = 'The project is the absolute path of its main checkout; a task is named by its id (42), slug (fix-tests) or 42:fix-tests.';

/** A write on one task named by project and ref, returning the task: POST /tasks/{ref}/<verb>, tool task_<verb>. */
function taskAction<const V extends 'stop' | 'review'>(spec: { verb: V; summary: string; description: string }) {
  return defineOperation({
    name: `tasks.${spec.verb}`,
    summary: spec.summary,
    description: spec.description,
    access: 'write',
    input: target,
    output: taskViewOutput,
    http: { method: 'post', path: `/tasks/{ref}/${spec.verb}` },
    mcp: `task_${spec.verb}`,
    handle: (deps, _caller, input) => deps.tasks[spec.verb](requireKnownProject(deps, input.project), input.ref),
  });
}

export const taskOperations = [
  defineOperation({
    name: 'tasks.list',
    summary: 'List the tasks of a project',
    description: `The coding-agent tasks of a project, by id, with their status (draft, running, idle, completed, reviewed, merged, stopped, failed) and whether the agent waits for input; task files that cannot be read are listed under problems. ${naming}`,
    access: 'read',
    idempotent: true,
    input: z.strictObject({ project: projectInput, status: z.enum(TaskStatus).optional(), ...pageInput }),
    output: pageOf(taskViewOutput).extend({ problems: z.array(taskProblemOutput) }),
    http: { method: 'get', path: '/tasks' },
    mcp: 'task_list',
    handle: async (deps, _caller, input) => {
      const { tasks, problems } = await deps.tasks.list(requireKnownProject(deps, input.project));
      return { ...taskPage(tasks, input), problems };
    },
  }),
  defineOperation({
    name: 'tasks.get',
    summary: 'Get a task',
    description: `One task: its file's fields (description, base branch, agent, branch, worktree) and its agent's live state. ${naming}`,
    access: 'read',
    idempotent: true,
    input: target,
    output: taskViewOutput,
    http: { method: 'get', path: '/tasks/{ref}' },
    mcp: 'task_get',
    handle: (deps, _caller, input) => deps.tasks.get(requireKnownProject(deps, input.project), input.ref),
  }),
  defineOperation({
    name: 'tasks.status',
    summary: "A task's status",
    description: `Where a task stands, in short: its status, whether its agent runs and is working, idle or waiting for input, and the last line of the agent's screen. ${naming}`,
    access: 'read',
    idempotent: true,
    input: target,
    output: taskViewOutput.pick({ id: true, slug: true, status: true, activity: true, needsInput: true, lastLine: true }),
    http: { method: 'get', path: '/tasks/{ref}/status' },
    mcp: 'task_status',
    handle: async (deps, _caller, input) => {
      const { id, slug, status, activity, needsInput, lastLine } = await deps.tasks.get(requireKnownProject(deps, input.project), input.ref);
      return { id, slug, status, activity, needsInput, lastLine };
    },
  }),
  defineOperation({
    name: 'tasks.create',
    summary: 'Create a task',
    description:
      'Writes a draft task file for a coding agent: the description is its first prompt, the base branch (default: the branch checked out in the project) is where its branch starts and merges back, the agent a profile name (default: the first installed). Start it with task_start.',
    access: 'write',
    input: z.strictObject({
      project: projectInput,
      slug: slugInput,
      description: z.string().max(100_000).describe('What the agent should do (markdown).'),
      baseBranch: z.string().trim().min(1).max(200).optional(),
      agent: z.string().trim().min(1).max(100).optional(),
    }),
    output: taskViewOutput,
    http: { method: 'post', path: '/tasks' },
    mcp: 'task_create',
    handle: (deps, _caller, { project, ...input }) => deps.tasks.create(requireKnownProject(deps, project), input),
  }),
  defineOperation({
    name: 'tasks.edit',
    summary: 'Edit a task',
    description:
      "Changes a task's description, slug, base branch or agent (null: the default agent) in its task file, keeping anything else edited there by hand. The status is not edited here: start, stop, complete, review and merge move it. Changing the agent needs its agent stopped.",
    access: 'write',
    idempotent: true,
    input: z
      .strictObject({
        ...taskTarget,
        description: z.string().max(100_000).optional(),
        slug: slugInput.optional(),
        baseBranch: z.string().trim().min(1).max(200).optional(),
        agent: z.string().trim().min(1).max(100).nullable().optional(),
      })
      .refine((edit) => ['description', 'slug', 'baseBranch', 'agent'].some((field) => field in edit), 'give at least one of description, slug, baseBranch, agent'),
    output: taskViewOutput,
    http: { method: 'patch', path: '/tasks/{ref}' },
    mcp: 'task_edit',
    handle: (deps, _caller, { project, ref, ...edit }) => deps.tasks.edit(requireKnownProject(deps, project), ref, edit),
  }),
  defineOperation({
    name: 'tasks.start',
    summary: 'Start a task',
    description:
      "Starts the task's coding agent in the background: a git worktree on orchestra/<id>-<slug> from the base branch, the project's setup script, then the agent with the description as its prompt. A completed or stopped task resumes its agent session (feedback). Returns once the agent runs.",
    access: 'write',
    input: z.strictObject({
      ...taskTarget,
      agent: z.string().trim().min(1).max(100).optional().describe("An agent profile for this task from now on; else the task's."),
      cols: z.number().int().min(20).max(1000).optional(),
      rows: z.number().int().min(5).max(1000).optional(),
    }),
    output: taskViewOutput,
    http: { method: 'post', path: '/tasks/{ref}/start' },
    mcp: 'task_start',
    handle: (deps, _caller, { project, ref, ...options }) => deps.tasks.start(requireKnownProject(deps, project), ref, options),
  }),
  taskAction({
    verb: 'stop',
    summary: "Stop a task's agent",
    description: "Ends the task's agent (its whole process group); the worktree and branch stay, and task_start resumes its session.",
  }),
  defineOperation({
    name: 'tasks.complete',
    summary: 'Mark a task completed',
    description:
      'Marks a task completed: its work is done and waits for review and merge; its agent may keep running for feedback. ' +
      'An agent working in a task completes its own task by passing only `worktree`: its working directory (the task worktree, or a folder in it; also $ORCHESTRA_WORKTREE), which names the task among the tasks of the projects this Orchestra serves. Anyone else passes project and ref.',
    access: 'write',
    // One object, not a union: an MCP tool's input schema must be an object.
    input: z
      .strictObject({
        project: projectInput.optional(),
        ref: refInput.optional(),
        worktree: z.string().min(1).max(4096).optional().describe("Absolute path of the task's worktree or a folder in it (an agent's working directory)."),
      })
      .refine((input) => (input.worktree === undefined ? input.project !== undefined && input.ref !== undefined : input.project === undefined && input.ref === undefined), 'give either worktree, or project and ref'),
    output: taskViewOutput,
    // Not /tasks/{ref}/complete: an agent in a worktree knows no ref, so the task is named in the body.
    http: { method: 'post', path: '/tasks/complete' },
    mcp: 'task_complete',
    handle: async (deps, _caller, input) => {
      if (input.worktree !== undefined) {
        const task = await taskOfWorktree(deps, input.worktree);
        return deps.tasks.complete(task.projectRoot, String(task.id));
      }
      // The refine above made sure both are there.
      return deps.tasks.complete(requireKnownProject(deps, input.project ?? ''), input.ref ?? '');
    },
  }),
  taskAction({
    verb: 'review',
    summary: 'Mark a task reviewed',
    description: 'Marks a completed task reviewed: a person (or a reviewing agent) looked at its diff and it is ready to merge.',
  }),
  defineOperation({
    name: 'tasks.merge',
    summary: "Merge a task's branch into its base branch",
    description:
      "Commits what the agent left uncommitted, merges the task's branch into its base branch in the project's main checkout (merge, squash or rebase) and, unless keep, removes the worktree and the branch. Refused, changing nothing, when the main checkout has uncommitted changes, on a conflict, or while the agent is working.",
    access: 'write',
    destructive: true,
    input: z.strictObject({ ...taskTarget, mode: z.enum(['merge', 'squash', 'rebase']).default('merge'), keep: z.boolean().default(false) }),
    output: z.object({ task: taskViewOutput, commit: z.string(), files: z.array(z.string()), removedWorktree: z.boolean() }),
    http: { method: 'post', path: '/tasks/{ref}/merge' },
    mcp: 'task_merge',
    handle: (deps, _caller, { project, ref, ...options }) => deps.tasks.merge(requireKnownProject(deps, project), ref, options),
  }),
  defineOperation({
    name: 'tasks.diff',
    summary: "A task's changes",
    description: 'What the task changed against its base branch, committed or not, as a unified git diff.',
    access: 'read',
    idempotent: true,
    input: target,
    output: z.object({ diff: z.string() }),
    http: { method: 'get', path: '/tasks/{ref}/diff' },
    mcp: 'task_diff',
    handle: (deps, _caller, input) => deps.tasks.diff(requireKnownProject(deps, input.project), input.ref),
  }),
  defineOperation({
    name: 'tasks.logs',
    summary: "A task's agent output",
    description: "The agent's terminal output as its screen showed it (raw: the bytes written), the last `lines` lines; kept after the agent exits.",
    access: 'read',
    idempotent: true,
    input: z.strictObject({ ...taskTarget, lines: z.number().int().min(0).max(100_000).optional(), raw: z.boolean().default(false) }),
    output: z.object({ taskId: z.number().int(), text: z.string(), size: z.number().int(), cols: z.number().int(), rows: z.number().int(), live: z.boolean() }),
    http: { method: 'get', path: '/tasks/{ref}/logs' },
    mcp: 'task_logs',
    handle: (deps, _caller, { project, ref, ...options }) => deps.tasks.logs(requireKnownProject(deps, project), ref, options),
  }),
] as const;
