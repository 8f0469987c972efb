import { constants, createWriteStream, mkdirSync, openSync, rmSync, type WriteStream } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';

/*
 * Orchestra's home and run directories hold prompts, model answers and tool output: private to the
 * user whatever the umask. Every directory Orchestra creates there is made with PRIVATE_DIR_MODE and
 * every file with PRIVATE_FILE_MODE (a umask can only take bits away, so these never end up looser).
 */

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const NEW_LOG_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * A new 0600 log file at `path`. A tool or agent knows its stage directory (ATTRACTOR_STAGE_DIR) and
 * could leave a symlink where the next attempt's log goes; whatever is there is removed (a link, not
 * its target) and the file is created afresh, so a write never follows a link out of the run.
 */
export function createPrivateLog(path: string): WriteStream {
  rmSync(path, { force: true });
  return createWriteStream(path, { fd: openSync(path, NEW_LOG_FLAGS, PRIVATE_FILE_MODE) });
}

/** Bits that give anyone but the owner access. */
const GROUP_OTHER = 0o077;

/**
 * Creates `dir` and any missing parent as 0700; a directory that already exists keeps its mode.
 * Returns the first directory created, undefined when `dir` existed (as `mkdir -p` does).
 */
export async function makePrivateDir(dir: string): Promise<string | undefined> {
  return mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** makePrivateDir for callers that must not wait on the thread pool. */
export function makePrivateDirSync(dir: string): string | undefined {
  return mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Takes the group and other bits off `path` when we own it (a home or database made before Orchestra
 * kept them private, or by a loose umask). Returns whether it changed anything; someone else's file is
 * left alone, since chmod would fail on it anyway.
 */
export async function tightenToOwner(path: string): Promise<boolean> {
  const info = await stat(path);
  if ((info.mode & GROUP_OTHER) === 0 || !ownedByUs(info.uid)) return false;
  await chmod(path, info.mode & 0o700);
  return true;
}

function ownedByUs(uid: number): boolean {
  const ours = process.getuid?.();
  return ours === undefined || ours === uid;
}
