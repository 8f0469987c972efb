import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { ConflictPolicy } from '../../config/config-types.js';
import type { MergeResult, RepoHeads, RunWorkspace } from '../../workspace/run-workspace/types.js';

/** What the fake workspaces of one run share: a log of what the engine asked, and scripted conflicts. */
export interface FakeWorkspaceWorld {
  /** `branch fan 0 → s--fan-0`, `commit s--fan-0 n1`, `merge s--fan-0 into s`, `conflict s--fan-1`, `abort s`, `dispose s--fan-0`, … */
  log: string[];
  /** Git branch (or its end, such as `--fan-1`) → the files whose merge conflicts (written with conflict markers into the worktree). */
  conflicts: Map<string, string[]>;
  /** Branch names whose commit() throws. */
  failingCommits: Set<string>;
}

export interface FakeWorkspaceOptions {
  /** A temp directory: each workspace gets a real folder under it, so agents and tools can write files. */
  root: string;
  branch?: string;
  onConflict?: ConflictPolicy;
  world?: FakeWorkspaceWorld;
  /** Where HEAD starts (a branch: its parent's HEAD). */
  head?: string;
  /** Called by dispose(): a parent forgets the branch, so that branch() makes a new one. */
  onDispose?: () => void;
}

export function createFakeWorld(): FakeWorkspaceWorld {
  return { log: [], conflicts: new Map(), failingCommits: new Set() };
}

const markers = /^(<{7}|={7}|>{7})/m;

/**
 * A RunWorkspace without git, for engine tests (issue 14): one repo `app`; a branch workspace is a
 * folder named after its branch; heads change on every commit and merge; merges conflict as the
 * world says, and conclude() succeeds once no conflicted file has markers left (else throws
 * E_MERGE_CONFLICT, as the real one does).
 */
export async function createFakeWorkspace(options: FakeWorkspaceOptions): Promise<RunWorkspace & { world: FakeWorkspaceWorld }> {
  const world = options.world ?? createFakeWorld();
  const children = new Map<string, RunWorkspace>();
  const name = options.branch ?? 'orchestra/p/run';
  const dir = join(options.root, name.replaceAll('/', '_'));
  await mkdir(dir, { recursive: true });
  let head = options.head ?? `${name}@0`;
  let commits = 0;

  async function mergeFrom(branches: readonly RunWorkspace[], at: number): Promise<MergeResult> {
    for (let i = at; i < branches.length; i += 1) {
      const other = branches[i]!.branches.app!;
      const files = [...world.conflicts].find(([key]) => other.endsWith(key))?.[1];
      if (!files) {
        world.log.push(`merge ${other} into ${name}`);
        head = `${name}+${other}`;
        continue;
      }
      world.log.push(`conflict ${other}`);
      for (const file of files) await mkdir(dirname(join(dir, file)), { recursive: true });
      for (const file of files) await writeFile(join(dir, file), `<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> ${other}\n`);
      return conflictAt(branches, i, other, files);
    }
    return { kind: 'merged', heads: { app: head } };
  }

  function conflictAt(branches: readonly RunWorkspace[], i: number, other: string, files: string[]): MergeResult {
    return {
      kind: 'conflict',
      repo: 'app',
      branch: other,
      files,
      worktree: dir,
      async abort() {
        world.log.push(`abort ${name}`);
      },
      async conclude() {
        const texts = await Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')));
        // As the real workspace: refused while a file still holds conflict markers.
        if (texts.some((text) => markers.test(text))) throw new OrchestraError(ErrorCode.MERGE_CONFLICT, `Cannot conclude the merge of ${other}: conflict markers left.`);
        world.log.push(`resolved ${other} into ${name}`);
        head = `${name}+${other}`;
        return mergeFrom(branches, i + 1);
      },
    };
  }

  const workspace: RunWorkspace & { world: FakeWorkspaceWorld } = {
    world,
    paths: { app: dir },
    branches: { app: name },
    primary: dir,
    ...(options.onConflict && { onConflict: options.onConflict }),
    async commit(scope) {
      if (world.failingCommits.has(name)) throw new Error(`cannot commit in ${name}`);
      commits += 1;
      head = `${name}@${commits}`;
      world.log.push(`commit ${name} ${scope.node}`);
      return { app: head };
    },
    async heads(): Promise<RepoHeads> {
      return { app: head };
    },
    async branch(node, index) {
      const key = `${node}-${index}`;
      const existing = children.get(key);
      if (existing) return existing;
      // A new branch starts at this workspace's HEAD.
      const child = await createFakeWorkspace({ root: options.root, branch: `${name}--${key}`, world, head, onDispose: () => children.delete(key) });
      children.set(key, child);
      world.log.push(`branch ${node} ${index}`);
      return child;
    },
    merge: (branches) => mergeFrom(branches, 0),
    async push() {
      return [];
    },
    async dispose() {
      world.log.push(`dispose ${name}`);
      options.onDispose?.();
    },
  };
  return workspace;
}
