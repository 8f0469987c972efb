/** A pipeline `start -> nodes… -> exit` as DOT, each node given as `id` or `id [attrs]`, for tests. */
export function linearDot(name: string, nodes: readonly string[]): string {
  const ids = nodes.map((node) => node.split(/\s|\[/)[0]!);
  return [`digraph ${name} {`, '  start [shape=Mdiamond]', '  exit [shape=Msquare]', ...nodes.map((node) => `  ${node}`), `  ${['start', ...ids, 'exit'].join(' -> ')}`, '}'].join('\n');
}
