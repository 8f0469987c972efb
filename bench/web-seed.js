// Seeds the dashboard benchmark the way real work does: runs through the engine (the same startRun
// `orchestra run --simulate` calls, its store the daemon's SQLite file), tasks through the API.
import { join } from 'node:path';
import { createAutoApproveInterviewer, createSimulationBackend, openSqliteStore, startRun } from '../dist/index.js';
import { api } from './web-setup.js';

/** `count` completed simulated runs of a small pipeline, `parallel` at a time; their ids. */
export async function seedRuns(daemon, count, parallel = 8) {
  const store = await openSqliteStore(join(daemon.home, 'orchestra.db'));
  const engine = { store, backend: createSimulationBackend(), interviewer: createAutoApproveInterviewer(), runsDir: join(daemon.home, 'runs') };
  const ids = [];
  try {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const source = `digraph Seed${i % 7} {\n  graph [goal="Seed run ${i}"]\n  start [shape=Mdiamond]\n  plan [prompt="Plan ${i}"]\n  build [prompt="Build ${i}"]\n  exit [shape=Msquare]\n  start -> plan -> build -> exit\n}\n`;
        const handle = await startRun({ file: join(daemon.project, `seed-${i % 7}.dot`), source, options: { simulate: true } }, engine);
        const result = await handle.result();
        if (result.state !== 'completed') throw new Error(`seed run ${handle.runId} ended ${result.state}`);
        ids.push(handle.runId);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  } finally {
    await store.close();
  }
  return ids;
}

/** A run of `dot` through the engine, to its end; its id. */
export async function runToEnd(daemon, file, source) {
  const store = await openSqliteStore(join(daemon.home, 'orchestra.db'));
  try {
    const handle = await startRun({ file: join(daemon.project, file), source, options: { simulate: true } }, { store, backend: createSimulationBackend(), interviewer: createAutoApproveInterviewer(), runsDir: join(daemon.home, 'runs') });
    const result = await handle.result();
    if (result.state !== 'completed') throw new Error(`run ${handle.runId} ended ${result.state}: ${result.error?.message ?? ''}`);
    return handle.runId;
  } finally {
    await store.close();
  }
}

/** `count` draft tasks created over the API (POST /tasks), `parallel` at a time. */
export async function seedTasks(daemon, count, parallel = 8) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await api(daemon, 'POST', '/tasks', { project: daemon.project, slug: `bench-task-${i}`, description: `Benchmark task ${i}: make the widget ${i} faster and keep its tests green.` });
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/**
 * A pipeline of `nodes` nodes as people write them: blocks of work, test, a conditional gate and a
 * fix that loops back, between start, plan, report and exit.
 */
export function bigPipeline(nodes) {
  const blocks = Math.floor((nodes - 4) / 4);
  const lines = ['digraph Big {', `  graph [goal="A ${nodes}-node pipeline", max_steps=${nodes * 4}]`, '  start [shape=Mdiamond]', '  exit [shape=Msquare]', '  plan [prompt="Plan the work"]', '  report [prompt="Report"]'];
  for (let i = 0; i < blocks; i++) {
    lines.push(`  work${i} [prompt="Do part ${i}"]`, `  test${i} [prompt="Test part ${i}"]`, `  check${i} [shape=diamond, label="Part ${i} ok?"]`, `  fix${i} [prompt="Fix part ${i}"]`);
    lines.push(`  work${i} -> test${i} -> check${i}`, `  check${i} -> fix${i} [condition="outcome!=success", label="fails"]`, `  fix${i} -> work${i}`);
    lines.push(`  check${i} -> ${i + 1 < blocks ? `work${i + 1}` : 'report'} [condition="outcome=success", label="passes"]`);
  }
  lines.push('  start -> plan -> work0', '  report -> exit', '}');
  return lines.join('\n');
}

/** A chain of `length` nodes each taking `delay` in simulation: a run that streams events for a while. */
export function slowChain(length, delay) {
  const lines = ['digraph Live {', '  graph [goal="Keep the dashboard busy"]', '  start [shape=Mdiamond]', '  exit [shape=Msquare]'];
  for (let i = 0; i < length; i++) lines.push(`  step${i} [prompt="Step ${i}", sim.delay="${delay}"]`);
  lines.push(`  start -> ${Array.from({ length }, (_, i) => `step${i}`).join(' -> ')} -> exit`, '}');
  return lines.join('\n');
}
