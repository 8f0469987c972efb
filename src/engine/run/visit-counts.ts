interface Tally {
  scanned: number;
  counts: Map<string, number>;
}

const tallies = new WeakMap<readonly string[], Tally>();

/**
 * How often `nodeId` appears in `completedNodes`, asked before every node (visit names, max_visits).
 * Scanning the whole list each time made every node of a long chain cost more than the last
 * (issue 9); the progress lists are only appended to, so a tally kept per list is extended by what
 * was pushed since the last call. A list that got shorter is counted again.
 */
export function visitsOf(completedNodes: readonly string[], nodeId: string): number {
  let tally = tallies.get(completedNodes);
  if (!tally || tally.scanned > completedNodes.length) {
    tally = { scanned: 0, counts: new Map() };
    tallies.set(completedNodes, tally);
  }
  for (; tally.scanned < completedNodes.length; tally.scanned++) {
    const id = completedNodes[tally.scanned] as string;
    tally.counts.set(id, (tally.counts.get(id) ?? 0) + 1);
  }
  return tally.counts.get(nodeId) ?? 0;
}
