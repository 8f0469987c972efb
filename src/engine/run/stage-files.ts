import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Checkpoint } from '../../store/types.js';
import { readStatusFile, statusFileName, writeStatus } from '../../store/run-dir/status-file.js';
import { writeFileAtomic, writeJsonAtomic } from '../../store/run-dir/write-file-atomic.js';

/** The engine's files in the run directory (digest §19); formats and atomic writes are the store's. */

export { readStatusFile as readAgentStatus, writeStatus as writeStatusFile };

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}

/** Decision 18: a status.json left from an earlier visit must not pass for the agent's answer. */
export async function clearAgentStatus(stageDir: string): Promise<void> {
  await rm(join(stageDir, statusFileName), { force: true });
}

export async function writeCheckpointFile(logsRoot: string, checkpoint: Checkpoint): Promise<void> {
  // Compact and not fsynced: it grows with the run and is rewritten after every node, while the
  // store (committed first, synchronous=FULL) is the durable copy that resume reads.
  await writeFileAtomic(join(logsRoot, 'checkpoint.json'), `${JSON.stringify(checkpoint)}\n`);
}

export interface RunManifest {
  runId: string;
  pipeline: string;
  file: string;
  goal: string;
  startedAt: string;
  variables: Record<string, string>;
  parentRunId?: string;
  parentCheckpoint?: number;
}

export async function writeManifestFile(logsRoot: string, manifest: RunManifest): Promise<void> {
  await writeJsonAtomic(join(logsRoot, 'manifest.json'), manifest);
}
