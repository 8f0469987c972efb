import type { AgentReport } from '../../agents/cli-agents/index.js';
import type { Task, TaskEdit, TaskStatus } from '../../tasks/index.js';
import { createTask, type CreateOptions } from './create-task.js';
import { editTask } from './edit-task.js';
import { mergeTask, type MergeOptions, type MergeResult } from './merge-task.js';
import { recoverAgents } from './recover-agents.js';
import { removeTask } from './remove-task.js';
import { ServiceContext, type ServiceOptions, type TaskChange } from './service-context.js';
import { startTask, type StartOptions } from './start-task.js';
import { completeTask, reportFromAgent, reviewTask, setStatusByUser, stopAgent, stopTask } from './task-actions.js';
import { taskDiff, taskLogs, type TaskLogs } from './task-output.js';
import { allTasks, projectTasks, toTaskView, type TaskList, type TaskView } from './task-queries.js';
import type { LiveAgent } from './live-agent.js';

/**
 * Every task operation, in one place for the daemon's RPC methods (and later MCP and the
 * dashboard). Each operation lives in its own file; this class only binds them to one context.
 */
export class TaskService {
  private readonly ctx: ServiceContext;

  constructor(options: ServiceOptions) {
    this.ctx = new ServiceContext(options);
  }

  /** Remembers a project so that `status` in any project and `watch` can list it. */
  async useProject(projectRoot: string): Promise<void> {
    await this.ctx.options.state.addProject(projectRoot);
  }

  list(projectRoot?: string): Promise<TaskList> {
    return projectRoot === undefined ? allTasks(this.ctx) : projectTasks(this.ctx, projectRoot);
  }

  async get(projectRoot: string, ref: string): Promise<TaskView> {
    return toTaskView(this.ctx, projectRoot, await this.ctx.files(projectRoot).get(ref));
  }

  view(projectRoot: string, task: Task): TaskView {
    return toTaskView(this.ctx, projectRoot, task);
  }

  create(projectRoot: string, options: CreateOptions): Promise<Task> {
    return createTask(this.ctx, projectRoot, options);
  }

  edit(projectRoot: string, ref: string, edit: TaskEdit): Promise<Task> {
    return editTask(this.ctx, projectRoot, ref, edit);
  }

  start(projectRoot: string, ref: string, options: StartOptions): Promise<Task> {
    return startTask(this.ctx, projectRoot, ref, options);
  }

  stop(projectRoot: string, ref: string): Promise<Task> {
    return stopTask(this.ctx, projectRoot, ref);
  }

  complete(projectRoot: string, ref: string): Promise<Task> {
    return completeTask(this.ctx, projectRoot, ref);
  }

  review(projectRoot: string, ref: string): Promise<Task> {
    return reviewTask(this.ctx, projectRoot, ref);
  }

  setStatus(projectRoot: string, ref: string, status: TaskStatus): Promise<Task> {
    return setStatusByUser(this.ctx, projectRoot, ref, status);
  }

  report(projectRoot: string, taskId: number, report: AgentReport): Promise<void> {
    return reportFromAgent(this.ctx, projectRoot, taskId, report);
  }

  merge(projectRoot: string, ref: string, options: MergeOptions): Promise<MergeResult> {
    return mergeTask(this.ctx, projectRoot, ref, options);
  }

  diff(projectRoot: string, ref: string): Promise<{ diff: string }> {
    return taskDiff(this.ctx, projectRoot, ref);
  }

  logs(projectRoot: string, ref: string, lines: number | undefined, raw: boolean): Promise<TaskLogs> {
    return taskLogs(this.ctx, projectRoot, ref, lines, raw);
  }

  remove(projectRoot: string, ref: string, force: boolean): Promise<{ id: number; slug: string }> {
    return removeTask(this.ctx, projectRoot, ref, force);
  }

  liveAgent(projectRoot: string, taskId: number): LiveAgent | undefined {
    return this.ctx.liveAgent(projectRoot, taskId);
  }

  get liveAgents(): number {
    return this.ctx.agents.size;
  }

  onChange(listener: (change: TaskChange) => void): () => void {
    return this.ctx.onChange(listener);
  }

  recover(): Promise<void> {
    return recoverAgents(this.ctx);
  }

  /** Stops every agent but keeps their records, so that the next daemon resumes their sessions. */
  async shutdown(): Promise<void> {
    await Promise.all([...this.ctx.agents.values()].map((agent) => stopAgent(agent, 'shutdown').catch(() => undefined)));
  }
}
