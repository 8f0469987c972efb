import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Checkpoint } from '../../store/types.js';
import type { Outcome } from '../../core/outcome.js';
import { makePrivateDir, makePrivateDirSync } from '../../core/private-files.js';
import type { BackgroundFileWriter } from '../../store/run-dir/background-writer.js';
import { markDirectoryClean } from '../../store/run-dir/temp-files.js';
import { scopePath } from '../../store/run-dir/stage-path.js';
import { readStatusFile, statusFileName, toStatusFile } from '../../store/run-dir/status-file.js';
import { writeFileAtomic, writeJsonAtomic } from '../../store/run-dir/write-file-atomic.js';
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
  await rm(join(stageDir, statusFileName), { force: true });
}

/** Queues `{stageDir}/status.json` for the node's final outcome (the store already has it). */
export function mirrorStatusFile(files: BackgroundFileWriter, stageDir: string, outcome: Outcome): void {
  files.write(join(stageDir, statusFileName), `${JSON.stringify(toStatusFile(outcome), null, 2)}\n`);
}

/**
 * Queues `{stageDir}/context.json`, the context as the node saw it when it started. Serialized
 * when written, off the engine's hot path; a revisit replaces the earlier visit's file.
 */
export function mirrorContextFile(files: BackgroundFileWriter, stageDir: string, context: Readonly<Record<string, unknown>>): void {
  files.write(join(stageDir, 'context.json'), () => `${JSON.stringify(context, null, 2)}\n`);
}

/** Queues `checkpoint.json`; a burst of checkpoints becomes one rewrite of the latest. */
export function mirrorCheckpointFile(files: BackgroundFileWriter, logsRoot: string, checkpoint: Checkpoint): void {
  files.write(join(logsRoot, 'checkpoint.json'), () => `${checkpointFileText(checkpoint)}\n`);
}

/**
 * A restarted loop's checkpoints also go to `restart-N/checkpoint.json`, beside its node files
 * (decision 9, issue 9), so each restart's folder is complete on its own. `checkpoint.json` in the
 * run directory stays the latest of all.
 */
export function mirrorRestartCheckpointFile(files: BackgroundFileWriter, logsRoot: string, checkpoint: Checkpoint): void {
  if (checkpoint.loopRestarts === 0) return;
  files.write(join(restartDir(logsRoot, checkpoint.loopRestarts), 'checkpoint.json'), () => `${checkpointFileText(checkpoint)}\n`);
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

export async function writeManifestFile(logsRoot: string, manifest: RunManifest): Promise<void> {
  await writeJsonAtomic(join(logsRoot, 'manifest.json'), toManifestFile(manifest));
}
