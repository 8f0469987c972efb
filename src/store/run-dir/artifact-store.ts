import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { parseJsonFile } from './file-errors.js';
import { validatePathSegment } from './stage-path.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Attractor §19: what `store` returns and `list` lists. */
export interface ArtifactInfo {
  id: string;
  name: string;
  sizeBytes: number;
  storedAt: number;
  isFileBacked: boolean;
}

export interface ArtifactStoreOptions {
  /** Artifacts larger than this go to `{baseDir}/artifacts/{id}.json`. Default 100 KB. */
  fileThresholdBytes?: number;
  now?: () => number;
}

export const defaultArtifactThresholdBytes = 100 * 1024;

/**
 * Named values produced during a run (§19). Small ones stay in memory; large ones, when there is
 * a base directory, are written as JSON to `artifacts/{id}.json` and read back on demand.
 */
export class ArtifactStore {
  private readonly entries = new Map<string, { info: ArtifactInfo; data?: unknown }>();
  private readonly threshold: number;
  private readonly now: () => number;

  constructor(
    private readonly baseDir: string | undefined,
    options: ArtifactStoreOptions = {},
  ) {
    this.threshold = options.fileThresholdBytes ?? defaultArtifactThresholdBytes;
    this.now = options.now ?? Date.now;
  }

  get directory(): string | undefined {
    return this.baseDir === undefined ? undefined : join(this.baseDir, 'artifacts');
  }

  async store(id: string, name: string, data: unknown): Promise<ArtifactInfo> {
    validatePathSegment('artifact id', id);
    const json = serialize(id, data);
    const sizeBytes = Buffer.byteLength(json);
    const isFileBacked = this.directory !== undefined && sizeBytes > this.threshold;
    if (isFileBacked) await writeFileAtomic(this.filePath(id), json);
    else if (this.entries.get(id)?.info.isFileBacked) await rm(this.filePath(id), { force: true });
    const info: ArtifactInfo = { id, name, sizeBytes, storedAt: this.now(), isFileBacked };
    // Memory keeps its own copy, so later changes by the caller do not leak in.
    this.entries.set(id, isFileBacked ? { info } : { info, data: JSON.parse(json) as unknown });
    return { ...info };
  }

  async retrieve(id: string): Promise<unknown> {
    const entry = this.entries.get(id);
    if (!entry) {
      throw new OrchestraError(ErrorCode.STORE, `artifact "${id}" does not exist`, { hint: `Stored artifacts: ${this.ids() || 'none'}.` });
    }
    if (!entry.info.isFileBacked) return structuredClone(entry.data);
    const file = this.filePath(id);
    const text = await readFile(file, 'utf8').catch((error: Error) => {
      throw new OrchestraError(ErrorCode.FILE_READ, `cannot read artifact "${id}" from ${file}: ${error.message}`, {
        hint: 'Artifact files belong to the run directory; do not move or delete them while the run is active.',
        cause: error,
      });
    });
    return parseJsonFile(text, file, 'Artifact files are written by Orchestra; restore the file or store the artifact again.');
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  list(): ArtifactInfo[] {
    return [...this.entries.values()].map((entry) => ({ ...entry.info }));
  }

  async remove(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    if (entry.info.isFileBacked) await rm(this.filePath(id), { force: true });
  }

  async clear(): Promise<void> {
    for (const id of [...this.entries.keys()]) await this.remove(id);
  }

  private filePath(id: string): string {
    return join(this.directory as string, `${id}.json`);
  }

  private ids(): string {
    return [...this.entries.keys()].join(', ');
  }
}

function serialize(id: string, data: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch (error) {
    throw new OrchestraError(ErrorCode.STORE, `artifact "${id}" cannot be stored as JSON: ${(error as Error).message}`, {
      hint: 'Artifacts must be JSON values (no BigInt, no cycles).',
    });
  }
  if (json === undefined) {
    throw new OrchestraError(ErrorCode.STORE, `artifact "${id}" has no JSON value (got ${typeof data})`, { hint: 'Store a string, number, boolean, null, array or object.' });
  }
  return json;
}
