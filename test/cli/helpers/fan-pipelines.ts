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

/** The fault test's pipeline: its DOT and, per tool node, the nodes that start only after it committed. */
export interface FaultPipeline {
  dot: string;
  toolNodes: string[];
  successors: Map<string, string[]>;
}

/**
 * 30 nodes: `start -> t1..t4 -> fan -> (6 branches of 3: b<i>_1..b<i>_3) -> join -> t5..t8 -> exit`,
 * all six branches at once. Every tool node appends `<pid> $FAULT_EPOCH` to `pids` and
 * `start <id> $FAULT_EPOCH` to `ledger`, works for 0.2 s and for as long as the file `hold` exists,
 * then appends `end <id> $FAULT_EPOCH` (the epoch names the orchestra process that started it, from
 * the environment the test gives that process). `hold` keeps a killed run's tools alive, so that
 * only the next process ending them can stop them.
 */
export function faultPipeline(paths: { ledger: string; pids: string; hold: string }): FaultPipeline {
  const tool = (id: string) =>
    `    ${id} [shape=parallelogram, tool_command="echo $$ $FAULT_EPOCH >> ${quoted(paths.pids)}; echo start ${id} $FAULT_EPOCH >> ${quoted(paths.ledger)}; sleep 0.2; while [ -f ${quoted(paths.hold)} ]; do sleep 0.05; done; echo end ${id} $FAULT_EPOCH >> ${quoted(paths.ledger)}"]`;
  const before = ['t1', 't2', 't3', 't4'];
  const after = ['t5', 't6', 't7', 't8'];
  const branches = Array.from({ length: 6 }, (_, i) => [1, 2, 3].map((step) => `b${i + 1}_${step}`));
  const successors = new Map<string, string[]>();
  const chain = (ids: string[]) => ids.forEach((id, i) => i + 1 < ids.length && successors.set(id, [ids[i + 1]!]));
  [before, after, ...branches].forEach(chain);
  successors.set('t4', branches.map((branch) => branch[0]!));
  for (const branch of branches) successors.set(branch.at(-1)!, ['t5']);
  successors.set('t8', []);
  const toolNodes = [...before, ...branches.flat(), ...after];
  const dot = `digraph Fault {
    start [shape=Mdiamond]
    exit  [shape=Msquare]
    fan   [shape=component, max_parallel=6]
    join  [shape=tripleoctagon]
${toolNodes.map(tool).join('\n')}
    start -> ${before.join(' -> ')} -> fan
${branches.map((branch) => `    fan -> ${branch.join(' -> ')} -> join`).join('\n')}
    join -> ${after.join(' -> ')} -> exit
}
`;
  return { dot, toolNodes, successors };
}
