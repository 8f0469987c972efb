import { lstatSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Checkpoint } from '../../store/types.js';
import type { Outcome } from '../../core/outcome.js';
import { makePrivateDir, makePrivateDirSync } from '../../core/private-files.js';
import type { RunMirror } from './run-mirror.js';
import { markDirectoryClean } from '../../store/run-dir/temp-files.js';
import { scopePath } from '../../store/run-dir/stage-path.js';
import { readStatusFile, statusFileName, toStatusFile } from '../../store/run-dir/status-file.js';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';
import { checkpointFileText } from '../../store/run-dir/checkpoint-file.js';
import { toManifestFile, type RunManifest } from '../../store/run-dir/manifest.js';

/** The engine's files in the run directory (digest §19); formats and atomic writes are the store's. */

export { readStatusFile as readAgentStatus };

export async function ensureDir(dir: string): Promise<void> {
  await makePrivateDir(dir);
}

/**
 * Creates a node's stage directory before its handler runs (HandlerInput promises it exists).
 * `inline` makes the call synchronous: in the main loop nothing else runs meanwhile, and an async
 * mkdir would wait behind the background file writes queued on the thread pool. Parallel branches
 * use the pool, where their mkdirs overlap.
 */
export async function ensureStageDir(dir: string, inline: boolean): Promise<void> {
  const created = inline ? makePrivateDirSync(dir) : await makePrivateDir(dir);
  // Undefined when the directory already existed; a new one cannot hold stray temp files, so the
  // status.json write into it can skip looking for them.
  if (created !== undefined) markDirectoryClean(dir);
}

/** Decision 18: a status.json left from an earlier visit must not pass for the agent's answer. */
export async function clearAgentStatus(stageDir: string): Promise<void> {
  const file = join(stageDir, statusFileName);
  // Absent before most nodes: a synchronous lstat answers that inline, where an unlink would go
  // through the thread pool and build an ENOENT error (issue 9).
  if (lstatSync(file, { throwIfNoEntry: false }) === undefined) return;
  await unlink(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/** Stores `{stageDir}/status.json`, the node's final outcome, and queues it for the disk. */
export function mirrorStatusFile(files: RunMirror, stageDir: string, outcome: Outcome): void {
  files.write(join(stageDir, statusFileName), `${JSON.stringify(toStatusFile(outcome), null, 2)}\n`);
}

/**
 * Stores `{stageDir}/context.json`, the context as the node saw it when it started, and queues it
 * for the disk; a revisit replaces the earlier visit's file.
 */
export function mirrorContextFile(files: RunMirror, stageDir: string, context: Readonly<Record<string, unknown>>): void {
  files.write(join(stageDir, 'context.json'), `${JSON.stringify(context, null, 2)}\n`);
}

/** `checkpoint.json` follows the store's latest checkpoint now and then (run-mirror.ts). */
export function mirrorCheckpointFile(files: RunMirror, checkpoint: Checkpoint): void {
  files.checkpoint(checkpoint);
}

/**
 * Creates `restart-N/` when the restart happens, before its first checkpoint is queued there. A
 * mirror cannot fail the run: if this fails, the queued write fails and is reported at the end.
 */
export function ensureRestartDir(logsRoot: string, restart: number): void {
  try {
    makePrivateDirSync(restartDir(logsRoot, restart));
  } catch {
    // Reported by the background writer's flush, with the file it could not write.
  }
}

function restartDir(logsRoot: string, restart: number): string {
  return scopePath(logsRoot, { restart });
}

export async function writeCheckpointFile(logsRoot: string, checkpoint: Checkpoint): Promise<void> {
  // Compact and not fsynced: it grows with the run and is rewritten after every node, while the
  // store (committed first, synchronously) is the durable copy that resume reads.
  await writeFileAtomic(join(logsRoot, 'checkpoint.json'), `${checkpointFileText(checkpoint)}\n`);
}

export const manifestFileName = 'manifest.json';

/** Writes `manifest.json` and returns its text (the store keeps a copy). */
export async function writeManifestFile(logsRoot: string, manifest: RunManifest): Promise<string> {
  const text = `${JSON.stringify(toManifestFile(manifest), null, 2)}\n`;
  await writeFileAtomic(join(logsRoot, manifestFileName), text);
  return text;
}
