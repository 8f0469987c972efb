import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { RepoHeads } from '../../workspace/run-workspace/types.js';
import type { Store } from '../../store/store.js';

/**
 * `orchestra resume RUN --turn T` (issue 14, seed 001): the heads recorded with turn T of the node
 * the run stopped in (the last checkpoint's next node), since that checkpoint; the latest such turn
 * when the node ran more than once. The workspace goes back to them, and the node runs again.
 */
export async function headsOfTurn(store: Store, runId: string, node: string, afterCheckpoint: number | undefined, turn: number): Promise<RepoHeads> {
  const events = await store.readEvents(runId, 0);
  // The checkpoint the run resumes from: only turns after it belong to the interrupted visit.
  const from = afterCheckpoint === undefined ? 0 : (events.find((event) => event.type === 'checkpoint.saved' && event.checkpoint === afterCheckpoint)?.seq ?? 0);
  const turns = events.filter((event) => event.seq > from && event.type === 'agent.turn' && event.node === node);
  const chosen = turns.filter((event) => event.type === 'agent.turn' && event.turn === turn).at(-1);
  if (!chosen || chosen.type !== 'agent.turn') {
    const recorded = [...new Set(turns.map((event) => (event.type === 'agent.turn' ? event.turn : 0)))].sort((a, b) => a - b);
    throw new OrchestraError(ErrorCode.USAGE, `Run ${runId} recorded no turn ${turn} of node "${node}" since its last checkpoint.`, {
      hint: recorded.length > 0 ? `Recorded turns: ${recorded.join(', ')}.` : `Node "${node}" recorded no agent turns; resume without --turn.`,
    });
  }
  if (!chosen.commits || Object.keys(chosen.commits).length === 0) {
    throw new OrchestraError(ErrorCode.USAGE, `Turn ${turn} of node "${node}" in run ${runId} recorded no commits: the run has no workspace.`, {
      hint: 'Configure workspace.repos in orchestra.yaml for runs whose turns are committed; resume without --turn.',
    });
  }
  return chosen.commits;
}
