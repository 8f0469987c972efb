import { chmod, lstat, mkdir } from 'node:fs/promises';
import { ErrorCode, OrchestraError } from '../../core/errors.js';

/**
 * Creates `dir` if needed and makes it 0700. It must be a real directory owned by us: in a shared
 * temp dir someone else could have created the name first, and the socket inside must stay private.
 */
export async function preparePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await lstat(dir);
  const uid = process.getuid?.();
  if (!info.isDirectory() || (uid !== undefined && info.uid !== uid)) {
    throw new OrchestraError(ErrorCode.DAEMON, `${dir} is not a directory owned by this user, so the daemon socket cannot be private there`, {
      hint: 'Remove it, or set ORCHESTRA_HOME to a shorter path so the socket can live under it.',
    });
  }
  await chmod(dir, 0o700);
}
