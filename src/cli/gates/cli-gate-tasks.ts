import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import { loadConfig, type ResolvedConfig, type ResolvedPeople } from '../../config/index.js';
import type { GateTasks } from '../../engine/gate-tasks.js';
import { checkGateAssignees } from '../../engine/handlers/wait-human/gate-assignees.js';
import { resolveActor, type Identity } from '../../humans/people/resolve-actor.js';
import { systemActor } from '../../humans/tasks/actor.js';
import type { Graph } from '../../pipeline/graph/model.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import { createGateTasks } from '../../services/gates/gate-tasks.js';
import type { Store } from '../../store/store.js';
import { tryGit } from '../../workspace/run-git.js';
import type { CliIo } from '../cli-io.js';
import { cliNotifier } from '../cli-notifier.js';

export interface CliGateSettings {
  store: Store;
  /** The DOT file: orchestra.yaml (its `people:`) is looked up from its directory. */
  pipelineFile: string;
  /** `--auto-approve`: the system answers at the "terminal", needing no identity. */
  autoApprove: boolean;
  /** The run's tenant: where its gates' tasks are made and looked for (the run record's `tenant`). */
  scope: TenantScope;
}

/**
 * The gates of a run driven by this process store their human tasks in the run's store, in the
 * run's tenant (chosen by `run --tenant`/ORCHESTRA_TENANT, then stored with the run); the terminal answers as ORCHESTRA_USER, else git's
 * user.email, else (without a `people:` section) the local account.
 */
export async function cliGateTasks(io: Pick<CliIo, 'env' | 'cwd' | 'stderr'>, settings: CliGateSettings): Promise<GateTasks> {
  const config = await gateConfig(io, settings.pipelineFile);
  const people = config.people;
  // A gate's task is announced like any other (created, completed), through the store's outbox.
  const notices = cliNotifier(io, settings.store, config);
  const identity = settings.autoApprove ? undefined : await localIdentity(io, people);
  return createGateTasks({
    store: settings.store,
    scope: settings.scope,
    people,
    now: () => Date.now(),
    notices,
    actor: () => (settings.autoApprove ? systemActor : resolveActor(people, identity)),
  });
}

/** Refuses a run whose gates name a user or group that `people:` does not know. */
export async function checkGatePeople(io: Pick<CliIo, 'env'>, graph: Graph, pipelineFile: string): Promise<void> {
  checkGateAssignees(graph, (await gateConfig(io, pipelineFile)).people);
}

async function gateConfig(io: Pick<CliIo, 'env'>, pipelineFile: string): Promise<ResolvedConfig> {
  return (await loadConfig({ startDir: dirname(pipelineFile), env: io.env })).config;
}

async function localIdentity(io: Pick<CliIo, 'env' | 'cwd'>, people: ResolvedPeople): Promise<Identity | undefined> {
  const fromEnv = io.env.ORCHESTRA_USER?.trim();
  if (fromEnv) return { value: fromEnv, source: 'ORCHESTRA_USER' };
  const git = await tryGit(io.cwd, ['config', '--get', 'user.email']).catch(() => undefined);
  const email = git?.exitCode === 0 ? git.stdout.trim() : '';
  if (email !== '') return { value: email, source: 'git config user.email' };
  return people.configured ? undefined : { value: userInfo().username, source: 'the local account' };
}
