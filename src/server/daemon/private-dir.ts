import { chmod, lstat } from 'node:fs/promises';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { PRIVATE_DIR_MODE, makePrivateDir } from '../../core/private-files.js';

/**
 * Creates `dir` if needed and makes it 0700. It must be a real directory owned by us: in a shared
 * temp dir someone else could have created the name first, and the socket inside must stay private.
 */
export async function preparePrivateDir(dir: string): Promise<void> {
  await makePrivateDir(dir);
  const info = await lstat(dir);
  const uid = process.getuid?.();
  if (!info.isDirectory() || (uid !== undefined && info.uid !== uid)) {
    throw new OrchestraError(ErrorCode.DAEMON, `${dir} is not a directory owned by this user, so the daemon socket cannot be private there`, {
      hint: 'Remove it, or set ORCHESTRA_HOME to a shorter path so the socket can live under it.',
    });
  }
  await chmod(dir, PRIVATE_DIR_MODE);
}
