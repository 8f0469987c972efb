// The subject: Orchestra's engine on the same graph shapes, with a durable checkpoint per node
// committed to SQLite (WAL, synchronous=FULL) before the next node starts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRun } from '../dist/engine/runner.js';
import { openSqliteStore } from '../dist/store/index.js';
import { createSimulationBackend } from '../dist/agents/simulation/index.js';
import { createAutoApproveInterviewer } from '../dist/humans/interviewers/index.js';

/** A linear chain of `length` no-op (conditional) nodes between start and exit. */
export function chainDot(length) {
  const lines = ['digraph chain {', '  start [shape=Mdiamond]', '  exit [shape=Msquare]'];
  for (let i = 0; i < length; i++) lines.push(`  n${i} [shape=diamond]`);
  lines.push(`  start -> ${Array.from({ length }, (_, i) => `n${i}`).join(' -> ')} -> exit`);
  lines.push('}');
  return lines.join('\n');
}

/** A `width`-way fan-out of no-op nodes joined by a fan-in. */
export function fanDot(width) {
  const lines = ['digraph fan {', '  start [shape=Mdiamond]', '  exit [shape=Msquare]'];
  lines.push(`  fan_out [shape=component, max_parallel=${width}]`, '  fan_in [shape=tripleoctagon]');
  for (let i = 0; i < width; i++) lines.push(`  b${i} [shape=diamond]`, `  fan_out -> b${i} -> fan_in`);
  lines.push('  start -> fan_out', '  fan_in -> exit', '}');
  return lines.join('\n');
}

async function timeRun(dot, expectedNodes) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-orchestra-'));
  try {
    const file = join(dir, 'bench.dot');
    writeFileSync(file, dot);
    const store = await openSqliteStore(join(dir, 'orchestra.db'));
    const engine = {
      store,
      backend: createSimulationBackend(),
      interviewer: createAutoApproveInterviewer(),
      runsDir: join(dir, 'runs'),
    };
    const started = performance.now();
    const handle = await startRun({ file, source: dot }, engine);
    const result = await handle.result();
    const elapsed = performance.now() - started;
    if (result.state !== 'completed') throw new Error(`orchestra run ended ${result.state}: ${result.error?.message}`);
    const records = await store.listNodeRecords(handle.runId);
    if (records.length < expectedNodes) throw new Error(`orchestra ran ${records.length} nodes, expected ${expectedNodes}`);
    await store.close();
    return elapsed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function orchestraChain(length) {
  return timeRun(chainDot(length), length + 2);
}

export async function orchestraFan(width) {
  return timeRun(fanDot(width), width + 4);
}
