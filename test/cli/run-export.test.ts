import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

let ws: Workspace;

beforeEach(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-export-');
});
afterEach(() => ws.remove());

const pipeline = `digraph exported {
  graph [goal="Ship the export"]
  start [shape=Mdiamond]
  exit [shape=Msquare]
  plan [prompt="Plan $goal"]
  build [prompt="Build it"]
  lint [shape=parallelogram, prompt="Lint $goal", tool_command="echo linted; echo careful >&2"]
  start -> plan -> build -> lint -> exit
}`;

/** Every file under `dir`, relative, with its content. */
function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

describe('issue 9: the run directory is a mirror of the store', () => {
  it('issue 9: runs RUN --export DIR rebuilds the whole run directory from the store, file for file', async () => {
    ws.write('exported.dot', pipeline);
    const run = await runBin(['run', 'exported.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home });
    expect(run.code).toBe(0);
    const runId = (JSON.parse(run.stdout.split('\n')[0]!) as { runId: string }).runId;
    const logsRoot = join(ws.home, 'runs', runId);
    const original = filesUnder(logsRoot);
    // What an ordinary LLM node writes (Attractor §5.6), and the run's own files.
    for (const file of ['manifest.json', 'checkpoint.json', 'plan/prompt.md', 'plan/response.md', 'plan/status.json', 'plan/context.json', 'build/status.json', 'lint/prompt.txt', 'lint/stdout.txt', 'lint/stderr.txt', 'lint/tool_output.txt']) {
      expect(Object.keys(original)).toContain(file);
    }
    expect(original['plan/prompt.md']).toBe('Plan Ship the export');
    expect(original['lint/stdout.txt']).toBe('linted\n');

    rmSync(logsRoot, { recursive: true });
    const exported = await runBin(['runs', runId.slice(0, 8), '--export', 'copy'], { cwd: ws.dir, home: ws.home });
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`of run ${runId} to ${join(ws.dir, 'copy')}`);
    expect(filesUnder(join(ws.dir, 'copy'))).toEqual(original);
  });

  it('issue 9: --export without a run is a usage error that says how to name one', async () => {
    const result = await runBin(['runs', '--export', 'copy'], { cwd: ws.dir, home: ws.home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--export needs a run.');
    expect(existsSync(join(ws.dir, 'copy'))).toBe(false);
  });
});
