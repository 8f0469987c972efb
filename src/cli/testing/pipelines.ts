/** Small pipelines the CLI tests run. Tool nodes use only POSIX shell commands. */

export const smallPipeline = `digraph Small {
    graph [goal="Test the CLI"]
    start [shape=Mdiamond]
    exit  [shape=Msquare]
    plan  [prompt="Plan: $goal"]
    build [prompt="Build for $who"]
    start -> plan -> build -> exit
}
`;

export const gatePipeline = `digraph Gate {
    graph [goal="Review a change"]
    start  [shape=Mdiamond]
    exit   [shape=Msquare]
    review [shape=hexagon, label="Ship it?"]
    ship   [prompt="Ship it"]
    fix    [prompt="Fix it"]
    start -> review
    review -> ship [label="[A] Approve"]
    review -> fix  [label="[F] Fix"]
    ship -> exit
    fix -> exit
}
`;

export const failingPipeline = `digraph Failing {
    graph [goal="Fail on purpose"]
    start [shape=Mdiamond]
    exit  [shape=Msquare]
    check [shape=parallelogram, tool_command="echo broken >&2; exit 3"]
    start -> check -> exit
}
`;

/**
 * A tool node in the middle that waits until `marker` exists (checking every 0.1 s, failing after
 * 30 s), writing its shell's pid to `pidFile` first so that a test can kill it; the nodes around
 * it append to `log`.
 */
export function markerPipeline(paths: { marker: string; pidFile: string; log: string }): string {
  return `digraph Durable {
    graph [goal="Survive a crash"]
    start  [shape=Mdiamond]
    exit   [shape=Msquare]
    before [shape=parallelogram, tool_command="echo before >> '${paths.log}'"]
    slow   [shape=parallelogram, tool_command="echo $$ > '${paths.pidFile}'; i=0; while [ ! -f '${paths.marker}' ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; test -f '${paths.marker}'"]
    after  [shape=parallelogram, tool_command="echo after >> '${paths.log}'"]
    start -> before -> slow -> after -> exit
}
`;
}
