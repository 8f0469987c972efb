import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { makePrivateDir } from '../../core/private-files.js';
import type { Checkpoint } from '../types.js';
import type { ArtifactInfo, ArtifactStoreOptions } from './artifact-store.js';
import { ArtifactStore } from './artifact-store.js';
import { fromCheckpointFile, toCheckpointFile } from './checkpoint-file.js';
import { parseJsonFile } from './file-errors.js';
import type { RunManifest } from './manifest.js';
import { fromManifestFile, toManifestFile } from './manifest.js';
import type { StageScope } from './stage-path.js';
import { stagePath } from './stage-path.js';
import { writeJsonAtomic } from './write-file-atomic.js';

/**
 * A run's directory on disk (the logs root, Attractor §19):
 * `manifest.json`, `checkpoint.json`, one folder per stage, `artifacts/`. The store stays the
 * source of truth; these files are for people, agents and tools that read the spec's layout. They hold
 * prompts and answers, so every directory is created 0700 and every file 0600 (core/private-files.ts).
 */
export class RunDirectory {
  readonly artifacts: ArtifactStore;

  constructor(
    readonly root: string,
    options: ArtifactStoreOptions = {},
  ) {
    this.artifacts = new ArtifactStore(root, options);
  }

  get manifestPath(): string {
    return join(this.root, 'manifest.json');
  }

  get checkpointPath(): string {
    return join(this.root, 'checkpoint.json');
  }

  get artifactsDir(): string {
    return join(this.root, 'artifacts');
  }

  async create(): Promise<void> {
    await makePrivateDir(this.root);
  }

  async writeManifest(manifest: RunManifest): Promise<void> {
    await writeJsonAtomic(this.manifestPath, toManifestFile(manifest));
  }

  async readManifest(): Promise<RunManifest | undefined> {
    const text = await readIfExists(this.manifestPath);
    return text === undefined ? undefined : fromManifestFile(parseJsonFile(text, this.manifestPath, 'Restore manifest.json or ignore this run directory.'), this.manifestPath);
  }

  /** Written durably (fsync): after a crash it holds the last checkpoint in full. */
  async writeCheckpoint(checkpoint: Checkpoint): Promise<void> {
    await writeJsonAtomic(this.checkpointPath, toCheckpointFile(checkpoint), { durable: true });
  }

  async readCheckpoint(): Promise<Checkpoint | undefined> {
    const text = await readIfExists(this.checkpointPath);
    return text === undefined ? undefined : fromCheckpointFile(parseJsonFile(text, this.checkpointPath, 'Restore checkpoint.json; the store keeps its own copy.'), this.checkpointPath);
  }

  /** The stage directory of `nodeId`, created if needed (decisions 6 and 9 for `scope`). */
  async stageDir(nodeId: string, scope: StageScope = {}): Promise<string> {
    const dir = stagePath(this.root, nodeId, scope);
    await makePrivateDir(dir);
    return dir;
  }

  /** The stage directory of `nodeId`, without creating it. */
  stagePath(nodeId: string, scope: StageScope = {}): string {
    return stagePath(this.root, nodeId, scope);
  }

  /** Attractor §19: > 100 KB goes to `artifacts/{id}.json`, smaller stays in memory. */
  storeArtifact(id: string, name: string, data: unknown): Promise<ArtifactInfo> {
    return this.artifacts.store(id, name, data);
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new OrchestraError(ErrorCode.FILE_READ, `cannot read ${path}: ${(error as Error).message}`, {
      hint: 'Check the permissions of the run directory.',
      cause: error,
    });
  }
}
