// Whole processes, timed from outside as a user meets them: `orchestra run X.dot --simulate` (its
// SQLite store in a temp ORCHESTRA_HOME) and a LangGraph JS script, module loading included.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const orchestraBin = join(here, '..', 'bin', 'orchestra.js');

/** A chain of `length` ordinary LLM nodes (`prompt=`) between start and exit. */
export function chainDot(length) {
  // max_steps: the default guard against runaway loops (10,000 node executions) would stop a long chain.
  const lines = ['digraph chain {', `  graph [max_steps=${length + 10}]`, '  start [shape=Mdiamond]', '  exit [shape=Msquare]'];
  for (let i = 0; i < length; i++) lines.push(`  n${i} [prompt="Do step ${i}"]`);
  lines.push(`  start -> ${Array.from({ length }, (_, i) => `n${i}`).join(' -> ')} -> exit`, '}');
  return lines.join('\n');
}

/** A `width`-way fan-out of LLM nodes joined by a fan-in. */
export function fanDot(width) {
  const lines = ['digraph fan {', '  start [shape=Mdiamond]', '  exit [shape=Msquare]'];
  lines.push(`  fan_out [shape=component, max_parallel=${width}]`, '  fan_in [shape=tripleoctagon]');
  for (let i = 0; i < width; i++) lines.push(`  b${i} [prompt="Review part ${i}"]`, `  fan_out -> b${i} -> fan_in`);
  lines.push('  start -> fan_out', '  fan_in -> exit', '}');
  return lines.join('\n');
}

function timed(command, args, env) {
  const started = performance.now();
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr || result.stdout}`);
  return { elapsed, stdout: result.stdout };
}

function withTempDir(work) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-process-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `orchestra run` of `dot` in a fresh home; checks that every node left its stage files. */
export function orchestraRun(dot, stageDirs) {
  return withTempDir((dir) => {
    const file = join(dir, 'bench.dot');
    writeFileSync(file, dot);
    const home = join(dir, 'home');
    const { elapsed, stdout } = timed(process.execPath, [orchestraBin, 'run', file, '--simulate', '--quiet'], { ORCHESTRA_HOME: home });
    if (!/completed/.test(stdout)) throw new Error(`orchestra run did not complete: ${stdout}`);
    const runs = readdirSync(join(home, 'runs'));
    const stages = readdirSync(join(home, 'runs', runs[0])).length;
    if (stages < stageDirs) throw new Error(`orchestra left ${stages} entries in the run directory, expected ${stageDirs}`);
    return elapsed;
  });
}

export function langgraphRun(shape, size) {
  return withTempDir((dir) => timed(process.execPath, [join(here, 'langgraph-process.js'), shape, String(size), join(dir, 'checkpoints.db')]).elapsed);
}

/** A cold `orchestra ARGS` in a home holding `runs` finished runs, and `node -e 0` as the floor. */
export function coldCommand(args, home) {
  return timed(process.execPath, [orchestraBin, ...args], { ORCHESTRA_HOME: home }).elapsed;
}

export function nodeFloor() {
  return timed(process.execPath, ['-e', '0']).elapsed;
}
