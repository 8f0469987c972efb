import type { Task } from '../../tasks/index.js';
import { currentBranch } from '../../workspace/index.js';
import { requireBranch } from '../../workspace/require-branch.js';
import type { ServiceContext } from './service-context.js';

export interface CreateOptions {
  slug: string;
  description: string;
  baseBranch?: string;
  agent?: string;
}

/** `orchestra new`: a draft task file; the base branch defaults to the branch checked out now. */
export async function createTask(ctx: ServiceContext, projectRoot: string, options: CreateOptions): Promise<Task> {
  // Naming an agent that does not exist fails now, not at start.
  if (options.agent !== undefined) await ctx.options.profiles(projectRoot, options.agent);
  const baseBranch = options.baseBranch ?? (await currentBranch(projectRoot)) ?? 'main';
  // So is a --base that names no branch (a typo), with the branches that exist in the hint.
  if (options.baseBranch !== undefined) await requireBranch(projectRoot, baseBranch, 'base branch');
  const task = await ctx.files(projectRoot).create({
    slug: options.slug,
    description: options.description,
    baseBranch,
    ...(options.agent === undefined ? {} : { agent: options.agent }),
  });
  ctx.emit({ projectRoot, taskId: task.id, slug: task.slug, kind: 'created', status: task.status });
  return task;
}
