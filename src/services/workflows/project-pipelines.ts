import { existsSync, realpathSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { AgentBackend } from '../../agents/backend.js';
import type { ResolvedConfig } from '../../config/index.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import { createAbsentInterviewer } from '../../humans/interviewers/index.js';
import { systemActor } from '../../humans/tasks/actor.js';
import type { Store } from '../../store/store.js';
import type { RunWorkspaces } from '../../workspace/run-workspace/types.js';
import { enginePipelines } from '../../workflows/pipelines/engine-pipelines.js';
import type { WorkflowPipelines } from '../../workflows/runtime/index.js';
import { createGateTasks } from '../gates/gate-tasks.js';
import type { TaskAnnouncer } from '../notifications/index.js';

export interface ProjectPipelinesOptions {
  store: Store;
  scope: TenantScope;
  /** The instance's project: relative DOT files resolve against it and must stay inside it. */
  projectDir: string;
  config: Pick<ResolvedConfig, 'people'>;
  /** The project's backend router (the one `orchestra run` in that project uses). */
  backend: AgentBackend;
  /** Announces the child runs' gate tasks (the project's routes). */
  notifier: TaskAnnouncer;
  /** `$ORCHESTRA_HOME/runs`: the child runs' logs, as `orchestra run`'s. */
  runsDir: string;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The project's git workspaces (issue 14, runWorkspacesFor); absent: its runs work in their directories. */
  workspaces?: RunWorkspaces | undefined;
}

/**
 * pipeline(ctx, 'review.dot', vars) in a worker (issue 11): the engine set up as `orchestra run
 * --detach` sets it up (nobody at a terminal: a gate of the child run becomes a human task, answered
 * with `orchestra answer` or the inbox), in the instance's tenant, its logs under `runsDir`.
 */
export function projectPipelines(options: ProjectPipelinesOptions): WorkflowPipelines {
  const { store, scope, projectDir, config, notifier, log } = options;
  // The absent interviewer says what it waits for; a worker has no run log of its own to show it in.
  const quiet = new PassThrough();
  quiet.resume();
  const engine = {
    store,
    backend: options.backend,
    interviewer: createAbsentInterviewer(quiet),
    humanTasks: createGateTasks({ store, scope, people: config.people, now: () => Date.now(), notices: notifier, actor: () => systemActor }),
    runsDir: options.runsDir,
    logger: { ...log, debug() {} },
    ...(options.workspaces && { workspaces: options.workspaces }),
  };
  const inner = enginePipelines(engine, { baseDir: projectDir, runOptions: { simulate: false, autoApprove: false } });
  return {
    run(request) {
      return inner.run({ ...request, file: confinedPipelineFile(projectDir, request.file) });
    },
  };
}

/**
 * The DOT file a workflow names, resolved against its project; a path leading out of the project is
 * refused, also through a symlink inside it (the file as it really is must be inside the real project).
 */
export function confinedPipelineFile(projectDir: string, file: string): string {
  const root = resolve(projectDir);
  const path = resolve(root, file);
  const outside = (base: string, target: string): boolean => {
    const rel = relative(base, target);
    return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  };
  if (outside(root, path) || (existsSync(path) && existsSync(root) && outside(realpathSync(root), realpathSync(path)))) {
    throw new OrchestraError(ErrorCode.USAGE, `pipeline file "${file}" is outside the workflow's project ${root}`, {
      hint: 'Name a DOT file inside the project folder, relative to it (e.g. pipelines/review.dot).',
    });
  }
  return path;
}
