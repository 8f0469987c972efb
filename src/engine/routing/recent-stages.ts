/**
 * The distinct nodes of a run's history, newest visit first, read without walking the history: the
 * fidelity preamble needs only its latest stages, and rebuilding them from all of `completedNodes`
 * made every node of a long run slower than the one before (issue 9). The index of a history array
 * is kept beside it and extended by what was appended since the last call; `completedNodes` is only
 * ever appended to (a loop restart or a branch starts a new array).
 */
interface HistoryIndex {
  scanned: number;
  /** The latest position of each node in the history. */
  latest: Map<string, number>;
  /** Positions in visit order; one is stale when its node was visited again later. */
  positions: number[];
  stale: number;
}

const indexes = new WeakMap<readonly string[], HistoryIndex>();

/** Distinct nodes in `history`, newest visit first, while `keep(id)` says to go on; and how many there are. */
export function recentStages(history: readonly string[], keep: (id: string, taken: number) => boolean): { ids: string[]; distinct: number } {
  const index = indexOf(history);
  const ids: string[] = [];
  for (let i = index.positions.length - 1; i >= 0; i--) {
    const position = index.positions[i] as number;
    const id = history[position] as string;
    if (index.latest.get(id) !== position) continue;
    if (!keep(id, ids.length)) break;
    ids.push(id);
  }
  return { ids, distinct: index.latest.size };
}

function indexOf(history: readonly string[]): HistoryIndex {
  let index = indexes.get(history);
  if (!index || index.scanned > history.length) {
    index = { scanned: 0, latest: new Map(), positions: [], stale: 0 };
    indexes.set(history, index);
  }
  for (let position = index.scanned; position < history.length; position++) {
    const id = history[position] as string;
    if (index.latest.has(id)) index.stale += 1;
    index.latest.set(id, position);
    index.positions.push(position);
  }
  index.scanned = history.length;
  // A loop revisiting a few nodes leaves stale positions behind; dropping them now and then keeps
  // the walk above short and costs O(distinct nodes), not O(history).
  if (index.stale > 64 && index.stale > index.latest.size) {
    const latest = index.latest;
    index.positions = index.positions.filter((position) => latest.get(history[position] as string) === position);
    index.stale = 0;
  }
  return index;
}
