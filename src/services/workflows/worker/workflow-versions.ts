import type { Logger } from '../../../core/logger.js';
import type { WorkflowInstance } from '../../../store/workflow-types.js';
import { loadWorkflows, type LoadedWorkflow, type WorkflowRegistry } from '../../../workflows/loader/index.js';

/** The code an instance runs on: the version it is pinned to, or the current one when that is gone. */
export interface FoundWorkflow {
  loaded: LoadedWorkflow;
  /** False when the instance's version was not available and it runs on the current code. */
  pinned: boolean;
}

export interface WorkflowVersionsOptions {
  /** The project of instances that recorded none (`orchestra worker`'s own project); the daemon has none. */
  defaultProject?: string;
  load?: (projectDir: string) => Promise<WorkflowRegistry>;
  log?: Pick<Logger, 'warn'>;
}

interface Project {
  current: Map<string, LoadedWorkflow>;
  /** Every version loaded while this process lives, by `name\0hash`: what pins an instance to its code. */
  versions: Map<string, LoadedWorkflow>;
  /** Versions asked for that a reload did not find: reloaded once each, not on every claim. */
  missed: Set<string>;
}

/**
 * The workflow code a worker runs, by project folder, name and version hash (issue 11). Each
 * version loaded is kept while the process lives, so an instance keeps running on the code it
 * started with after its file changed. An instance whose version is unknown makes its project
 * reload once (it was started after the file changed); a version no longer on disk runs on the
 * current code, with a warning: the replay stops it with E_WORKFLOW_NONDETERMINISM if the code
 * no longer matches its journal.
 */
export class WorkflowVersions {
  private readonly projects = new Map<string, Project>();
  /** First loads under way, so instances claimed together load their project once. */
  private readonly loading = new Map<string, Promise<unknown>>();
  private readonly load: (projectDir: string) => Promise<WorkflowRegistry>;

  constructor(private readonly options: WorkflowVersionsOptions = {}) {
    this.load = options.load ?? ((dir) => loadWorkflows(dir));
  }

  /** Loads the project's workflow files again (new versions are added; the ones loaded before stay). */
  async reload(projectDir: string): Promise<WorkflowRegistry> {
    const registry = await this.load(projectDir);
    const project = this.projects.get(projectDir) ?? emptyProject();
    project.current = registry.definitions;
    for (const [name, loaded] of registry.definitions) {
      const key = versionKey(name, loaded.versionHash);
      if (!project.versions.has(key)) project.versions.set(key, loaded);
    }
    this.projects.set(projectDir, project);
    return registry;
  }

  async find(instance: Pick<WorkflowInstance, 'id' | 'name' | 'version' | 'projectDir'>): Promise<FoundWorkflow | undefined> {
    const dir = instance.projectDir ?? this.options.defaultProject;
    if (dir === undefined) return undefined;
    const key = versionKey(instance.name, instance.version);
    const project = await this.project(dir);
    if (!project.versions.has(key) && !project.missed.has(key)) {
      project.missed.add(key);
      await this.reload(dir);
    }
    const pinned = project.versions.get(key);
    if (pinned) return { loaded: pinned, pinned: true };
    const current = project.current.get(instance.name);
    if (!current) return undefined;
    this.options.log?.warn('workflow version not available: running the instance on the current code', {
      instance: instance.id, workflow: instance.name, pinned: instance.version, current: current.versionHash,
    });
    return { loaded: current, pinned: false };
  }

  /** The current code of `name` in a project loaded before (what a child workflow starts on). */
  current(projectDir: string, name: string): LoadedWorkflow | undefined {
    return this.projects.get(projectDir)?.current.get(name);
  }

  private async project(dir: string): Promise<Project> {
    const known = this.projects.get(dir);
    if (known) return known;
    let loading = this.loading.get(dir);
    if (!loading) {
      // A failed load is tried again on the next claim.
      loading = this.reload(dir).finally(() => this.loading.delete(dir));
      this.loading.set(dir, loading);
    }
    await loading;
    return this.projects.get(dir) ?? emptyProject();
  }
}

function emptyProject(): Project {
  return { current: new Map(), versions: new Map(), missed: new Set() };
}

function versionKey(name: string, hash: string): string {
  return `${name}\0${hash}`;
}
