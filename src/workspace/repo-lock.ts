/**
 * git keeps a repository's worktree registrations in `.git/worktrees/` without a lock of its own:
 * two `git worktree add` (or an add and a prune) at once fail ("failed to read …/commondir"). The
 * daemon starts many tasks at once, so worktree changes to one repository take turns here.
 */
const queues = new Map<string, Promise<unknown>>();

export async function withRepoLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(root) ?? Promise.resolve();
  const turn = previous.catch(() => undefined).then(work);
  queues.set(root, turn);
  try {
    return await turn;
  } finally {
    if (queues.get(root) === turn) queues.delete(root);
  }
}
