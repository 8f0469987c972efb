import { ErrorCode, isOrchestraError } from '../../core/errors.js';
import { findProjectRoot } from '../../workspace/project-root.js';
import type { CommandContext } from '../command-context.js';

/**
 * `status` and `attach` take a task (id or slug) or a pipeline run (id or prefix). A task is tried
 * first inside a project; when there is none by that name, the run; when neither exists, the
 * task's error is the one shown (it suggests similar slugs).
 */
export async function forTaskOrRun(ctx: CommandContext, ref: string, forTask: (project: string) => Promise<number>, forRun: () => Promise<number>): Promise<number> {
  const project = await findProjectRoot(ctx.io.cwd).catch(() => undefined);
  if (project === undefined) return forRun();
  try {
    return await forTask(project);
  } catch (taskError) {
    if (!isOrchestraError(taskError) || taskError.code !== ErrorCode.TASK_NOT_FOUND || /^\d+$/.test(ref)) throw taskError;
    try {
      return await forRun();
    } catch (runError) {
      if (isOrchestraError(runError) && runError.code === ErrorCode.RUN_NOT_FOUND) throw taskError;
      throw runError;
    }
  }
}
