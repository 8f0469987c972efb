import type { TaskPort } from '../../services/api/index.js';
import type { Task } from '../../tasks/index.js';
import type { TaskService } from './task-service.js';

/**
 * The daemon's TaskService as the API operations see it (services/api/task-port.ts): every task
 * comes back as its view (with the live agent's state), and each call first remembers its
 * project, as the socket's task methods do, so `orchestra status` anywhere lists it.
 */
export function taskPort(service: TaskService): TaskPort {
  const inProject = <T>(root: string, run: () => Promise<T>): Promise<T> => service.useProject(root).then(run);
  const viewOf = (root: string, run: () => Promise<Task>) => inProject(root, async () => service.view(root, await run()));
  return {
    list: (root) => inProject(root, () => service.list(root)),
    get: (root, ref) => inProject(root, () => service.get(root, ref)),
    create: (root, input) => viewOf(root, () => service.create(root, input)),
    edit: (root, ref, edit) => viewOf(root, () => service.edit(root, ref, edit)),
    start: (root, ref, options) => viewOf(root, () => service.start(root, ref, options)),
    stop: (root, ref) => viewOf(root, () => service.stop(root, ref)),
    complete: (root, ref) => viewOf(root, () => service.complete(root, ref)),
    review: (root, ref) => viewOf(root, () => service.review(root, ref)),
    merge: (root, ref, options) =>
      inProject(root, async () => {
        const merged = await service.merge(root, ref, options);
        return { ...merged, task: service.view(root, merged.task) };
      }),
    diff: (root, ref) => inProject(root, () => service.diff(root, ref)),
    // The log file's path stays in the daemon: a caller over HTTP has no use for it.
    logs: (root, ref, options) =>
      inProject(root, async () => {
        const { file: _file, ...logs } = await service.logs(root, ref, options.lines, options.raw);
        return logs;
      }),
  };
}
