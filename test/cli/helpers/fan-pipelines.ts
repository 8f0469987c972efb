/** Pipelines with a parallel fan-out whose tool nodes leave traces in files, for the crash tests. */

/** Single-quotes `text` for the shell (the test's own temp paths, never input). */
export const quoted = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * `start -> fan -> (10 branches) -> join -> exit`, all ten branches at once. Branch i is a chain
 * of 1 + i % 3 tool nodes `b<i>_<j>`, each appending its id to `ledger`; the last branch is one
 * node, `gate`, that writes its shell's pid to `pidFile` and waits for `marker` (30 s at most)
 * before appending `gate`.
 */
export function tenBranchPipeline(paths: { ledger: string; marker: string; pidFile: string }): { dot: string; quickNodes: string[] } {
  const ledger = quoted(paths.ledger);
  const lines: string[] = [];
  const quickNodes: string[] = [];
  for (let branch = 0; branch < 9; branch++) {
    const chain = Array.from({ length: 1 + (branch % 3) }, (_, step) => `b${branch}_${step + 1}`);
    for (const id of chain) lines.push(`    ${id} [shape=parallelogram, tool_command="echo ${id} >> ${ledger}"]`);
    lines.push(`    fan -> ${chain.join(' -> ')} -> join`);
    quickNodes.push(...chain);
  }
  const marker = quoted(paths.marker);
  const dot = `digraph TenBranches {
    start [shape=Mdiamond]
    exit  [shape=Msquare]
    fan   [shape=component, max_parallel=10]
    join  [shape=tripleoctagon]
    gate  [shape=parallelogram, tool_command="echo $$ > ${quoted(paths.pidFile)}; i=0; while [ ! -f ${marker} ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; test -f ${marker} && echo gate >> ${ledger}"]
${lines.join('\n')}
    fan -> gate -> join
    start -> fan
    join -> exit
}
`;
  return { dot, quickNodes };
}
