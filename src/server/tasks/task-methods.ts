import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { HookSources, reportFromHook } from '../../agents/cli-agents/index.js';
import { TaskStatus } from '../../tasks/index.js';
import { defineMethod, type AnyRpcMethod } from '../rpc/index.js';
import type { TaskService } from './task-service.js';

const project = z.string().refine(isAbsolute, 'must be an absolute path to the project root');
const ref = z.string().min(1, 'names a task: its id or slug');
const taskParams = z.object({ project, ref });
const statuses = Object.values(TaskStatus) as [TaskStatus, ...TaskStatus[]];

/**
 * The task methods of the daemon. Params are validated here (a bad field is an E_USAGE naming it);
 * each method first remembers the project, then calls the service.
 */
export function taskMethods(service: TaskService): AnyRpcMethod[] {
  const withProject = async <T>(root: string, run: () => Promise<T>): Promise<T> => {
    await service.useProject(root);
    return run();
  };
  return [
    defineMethod({
      name: 'task.list',
      params: z.object({ project: project.optional() }),
      handle: async (p) => (p.project === undefined ? service.list() : withProject(p.project, () => service.list(p.project))),
    }),
    defineMethod({ name: 'task.get', params: taskParams, handle: (p) => withProject(p.project, () => service.get(p.project, p.ref)) }),
    defineMethod({
      name: 'task.create',
      params: z.object({ project, slug: z.string(), description: z.string(), baseBranch: z.string().min(1).optional(), agent: z.string().min(1).optional() }),
      handle: (p) => withProject(p.project, async () => service.view(p.project, await service.create(p.project, p))),
    }),
    defineMethod({
      name: 'task.start',
      params: taskParams.extend({
        agent: z.string().min(1).optional(),
        cols: z.number().int().positive().optional(),
        rows: z.number().int().positive().optional(),
        // The caller's environment (the shell that ran `orchestra start`); allow-listed before the agent sees it.
        env: z.record(z.string(), z.string()).optional(),
      }),
      handle: (p, call) =>
        withProject(p.project, async () => {
          const task = await service.start(p.project, p.ref, { ...p, onSetupOutput: (chunk) => call.peer.notify('task.setupOutput', { chunk }) });
          return service.view(p.project, task);
        }),
    }),
    defineMethod({ name: 'task.stop', params: taskParams, handle: (p) => withProject(p.project, async () => service.view(p.project, await service.stop(p.project, p.ref))) }),
    defineMethod({ name: 'task.complete', params: taskParams, handle: (p) => withProject(p.project, async () => service.view(p.project, await service.complete(p.project, p.ref))) }),
    defineMethod({ name: 'task.review', params: taskParams, handle: (p) => withProject(p.project, async () => service.view(p.project, await service.review(p.project, p.ref))) }),
    defineMethod({
      name: 'task.setStatus',
      params: taskParams.extend({ status: z.enum(statuses) }),
      handle: (p) => withProject(p.project, async () => service.view(p.project, await service.setStatus(p.project, p.ref, p.status))),
    }),
    defineMethod({
      name: 'task.report',
      params: z.object({ project, taskId: z.number().int().positive(), source: z.enum(HookSources), payload: z.unknown() }),
      handle: async (p) => {
        await service.report(p.project, p.taskId, reportFromHook(p.source, p.payload));
        return { ok: true };
      },
    }),
    defineMethod({
      name: 'task.merge',
      params: taskParams.extend({ mode: z.enum(['merge', 'squash', 'rebase']).default('merge'), keep: z.boolean().default(false) }),
      handle: (p) => withProject(p.project, async () => {
        const result = await service.merge(p.project, p.ref, p);
        return { ...result, task: service.view(p.project, result.task) };
      }),
    }),
    defineMethod({ name: 'task.diff', params: taskParams, handle: (p) => withProject(p.project, () => service.diff(p.project, p.ref)) }),
    defineMethod({
      name: 'task.logs',
      params: taskParams.extend({ lines: z.number().int().positive().optional(), raw: z.boolean().default(false) }),
      handle: (p) => withProject(p.project, () => service.logs(p.project, p.ref, p.lines, p.raw)),
    }),
    defineMethod({
      name: 'task.remove',
      params: taskParams.extend({ force: z.boolean().default(false) }),
      handle: (p) => withProject(p.project, () => service.remove(p.project, p.ref, p.force)),
    }),
  ];
}
