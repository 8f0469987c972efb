import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskView } from '../../src/server/tasks/task-queries.js';
import { fakeAgentConfig, fakeAgentPath, TaskProject, type TaskProjectOptions } from './task-project.js';

const node = JSON.stringify(process.execPath);
const agent = JSON.stringify(fakeAgentPath);

/**
 * Two more profiles beside `fake`, still config only: `fake-child` whose agent starts a long-lived
 * child in its process group (a dev server, say), and `fake-nosession`, an agent with no session
 * id to resume (`session_id: none`).
 */
export function recoveryConfig(): string {
  return `${fakeAgentConfig()}  fake-child:
    command: ${node}
    pass_env: ["FAKE_*"]
    interactive:
      args: [${agent}, "--spawn-child", "--session-id", "{session_id}", "{prompt}"]
      resume_args: [${agent}, "--spawn-child", "--session", "{session_id}"]
      session_id: assign
      prompt_via: argument
  fake-nosession:
    command: ${node}
    pass_env: ["FAKE_*"]
    interactive:
      args: [${agent}, "{prompt}"]
      session_id: none
      prompt_via: argument
`;
}

/** A TaskProject whose committed orchestra.yaml has the recovery profiles. */
export function recoveryProject(options: TaskProjectOptions = {}): TaskProject {
  const project = new TaskProject(options);
  writeFileSync(join(project.project, 'orchestra.yaml'), recoveryConfig());
  execFileSync('git', ['commit', '-q', '-am', 'recovery profiles'], { cwd: project.project, stdio: 'ignore' });
  return project;
}

/** `new` + `start` through the CLI, then waits for the agent to ask its question (so it is fully up). */
export async function startedTask(project: TaskProject, slug: string, agentName: string): Promise<TaskView> {
  const created = await project.bin(['new', slug, '-m', `task ${slug}`, '--agent', agentName]);
  if (created.code !== 0) throw new Error(`new ${slug} failed: ${created.stderr}`);
  const started = await project.bin(['start', slug]);
  if (started.code !== 0) throw new Error(`start ${slug} failed: ${started.stderr}`);
  return project.waitForTask(slug, (task) => task.pid !== undefined && task.needsInput, 30_000);
}

/**
 * Waits until the task runs an agent other than `previousPid` that has asked its question: by then
 * the fake agent has logged its start (it does so before its work).
 */
export function resumedTask(project: TaskProject, ref: string | number, previousPid: number | undefined): Promise<TaskView> {
  return project.waitForTask(ref, (task) => task.pid !== undefined && task.pid !== previousPid && task.needsInput, 30_000);
}

/** The fake agent starts recorded in one task's worktree, oldest first. */
export function startsOf(project: TaskProject, task: TaskView): Array<{ pid: number; argv: string[]; session: string; resumed?: boolean }> {
  return project.agentStarts().filter((start) => start.cwd === task.worktree);
}
