// Parse + validate time for a generated pipeline of `count` nodes (a chain with attributes).
import { parseDot } from '../dist/pipeline/dot/parse.js';
import { validate } from '../dist/pipeline/validate/index.js';

export function generatedDot(count) {
  const lines = ['digraph big {', '  graph [goal="Benchmark", default_max_retries=1]', '  node [shape=box, timeout="900s"]'];
  lines.push('  start [shape=Mdiamond]', '  exit [shape=Msquare]');
  for (let i = 0; i < count; i++) lines.push(`  n${i} [label="Node ${i}", prompt="Do step ${i} of $goal", max_retries=2]`);
  lines.push('  start -> n0');
  for (let i = 1; i < count; i++) lines.push(`  n${i - 1} -> n${i} [label="next", weight=1]`);
  lines.push(`  n${count - 1} -> exit`, '}');
  return lines.join('\n');
}

export async function parseAndValidate(count, rounds) {
  const source = generatedDot(count);
  let best = { totalMs: Infinity, parseMs: 0, validateMs: 0 };
  for (let i = 0; i < rounds + 1; i++) {
    const t0 = performance.now();
    const graph = parseDot(source, 'big.dot');
    const t1 = performance.now();
    const diagnostics = validate(graph);
    const t2 = performance.now();
    if (diagnostics.some((d) => d.severity === 'error')) throw new Error(`generated pipeline invalid: ${diagnostics[0].message}`);
    // The first round warms the JIT and is not counted.
    if (i > 0 && t2 - t0 < best.totalMs) best = { totalMs: t2 - t0, parseMs: t1 - t0, validateMs: t2 - t1 };
  }
  return best;
}
