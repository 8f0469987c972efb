/**
 * A large, valid pipeline for parser tests and benchmarks: `count` LLM nodes in a chain between
 * start and exit, each with a few attributes, grouped into labelled subgraphs of 100.
 */
export function generatePipeline(count: number): string {
  const lines = ['digraph Big {', '  graph [goal="Parse fast", default_max_retries=1]', '  node [shape=box, timeout=15m]', '  start [shape=Mdiamond]', '  exit [shape=Msquare]'];
  for (let i = 0; i < count; i++) {
    if (i % 100 === 0) lines.push(`  subgraph cluster_${i} { label="Group ${i}"`);
    lines.push(`    n${i} [label="Step ${i}", prompt="Do step ${i} of $goal // carefully", max_retries=2, llm_model=gpt-5.2]`);
    if (i % 100 === 99) lines.push('  }');
  }
  if (count % 100 !== 0) lines.push('  }');
  lines.push(`  start -> n0 [label="go"]`);
  for (let i = 1; i < count; i++) lines.push(`  n${i - 1} -> n${i} [condition="outcome=success", weight=${i % 3}]`);
  lines.push(`  n${count - 1} -> exit`);
  lines.push('}');
  return lines.join('\n');
}
