import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import type { AgentRequest } from '../../agents/backend.js';
import type { HandlerInput } from '../handler.js';

/**
 * `AgentRequest.commitTurn` for a node of a run with a workspace (issue 14): a turn's files (absolute,
 * as the agent's tools resolved them) become paths relative to the primary worktree, files outside
 * it are dropped (another repo's worktree commits all its changes), and a turn that wrote nothing
 * commits nothing (its heads are still recorded). A failed commit is logged and leaves the turn unrecorded: the node's
 * commit at its end takes the files.
 */
export function turnCommitterFor(input: Pick<HandlerInput, 'run' | 'node' | 'services'>): AgentRequest['commitTurn'] {
  const workspace = input.run.workspace;
  if (!workspace) return undefined;
  let primary: Promise<string> | undefined;
  return async function commitTurn(turn, files) {
    try {
      if (files === undefined) return await workspace.commit({ runId: input.run.id, node: input.node.id, turn });
      if (files.length === 0) return await workspace.heads();
      primary ??= realpath(workspace.primary).catch(() => workspace.primary);
      // Files in another repo's worktree are that repo's: it commits everything that changed in it.
      return await workspace.commit({ runId: input.run.id, node: input.node.id, turn, files: filesUnder(await primary, files) });
    } catch (error) {
      input.services.logger.warn('could not commit an agent turn; the node\'s commit at its end takes its files', { node: input.node.id, turn, error: String(error) });
      return undefined;
    }
  };
}

/** `files` relative to `root`, without the ones outside it; duplicates once. */
export function filesUnder(root: string, files: readonly string[]): string[] {
  const inside = new Set<string>();
  for (const file of files) {
    const path = isAbsolute(file) ? relative(root, file) : file;
    if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) continue;
    inside.add(path);
  }
  return [...inside];
}
