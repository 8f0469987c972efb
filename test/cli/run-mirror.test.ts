import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { assertBuilt, eventLine, eventually, killGroup, runBin, spawnCli } from './helpers/spawn-cli.js';

// The run directory is written off the engine's thread (issue 9): these check what that must not change.

let ws: Workspace;
let marker: string;
let pidFile: string;
let toolPid: number | undefined;

beforeEach(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-mirror-');
  marker = join(ws.dir, 'marker');
  pidFile = join(ws.dir, 'slow.pid');
  toolPid = undefined;
});
afterEach(() => {
  killGroup(toolPid);
  ws.remove();
});

/** Two LLM nodes, then a tool node that waits for the marker file. */
function pipeline(): string {
  return `digraph mirrored {
    start [shape=Mdiamond]
    exit [shape=Msquare]
    plan [prompt="Plan the work"]
    build [prompt="Build it"]
    slow [shape=parallelogram, tool_command="echo $$ > '${pidFile}'; i=0; while [ ! -f '${marker}' ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; test -f '${marker}'"]
    start -> plan -> build -> slow -> exit
  }`;
}

async function startUntilSlow(args: string[]): Promise<{ run: ReturnType<typeof spawnCli>; logsRoot: string }> {
  ws.write('mirrored.dot', pipeline());
  const run = spawnCli(['run', 'mirrored.dot', '--simulate', '--json', ...args], { cwd: ws.dir, home: ws.home });
  await run.waitForStdout(eventLine('node.started', 'slow'));
  toolPid = await eventually(() => {
    const text = existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim() : '';
    return /^\d+$/.test(text) ? Number(text) : undefined;
  }, 'the slow tool node to write its pid');
  const runId = (JSON.parse(run.stdout().split('\n')[0]!) as { runId: string }).runId;
  return { run, logsRoot: join(ws.home, 'runs', runId) };
}

const read = (logsRoot: string, file: string) => readFileSync(join(logsRoot, file), 'utf8');

describe('issue 9: the run directory written off the engine thread', () => {
  it('issue 9: Ctrl-C: the stage files and checkpoint.json are complete when the interrupted run ends', async () => {
    const { run, logsRoot } = await startUntilSlow([]);
    run.child.kill('SIGINT');
    expect((await run.exited).code).toBe(130);
    for (const node of ['plan', 'build']) {
      for (const file of ['prompt.md', 'response.md', 'status.json', 'context.json']) expect(existsSync(join(logsRoot, node, file))).toBe(true);
    }
    expect(read(logsRoot, 'plan/prompt.md')).toBe('Plan the work');
    expect(read(logsRoot, 'build/response.md')).toBe('[Simulated] Response for stage: build');
    expect(JSON.parse(read(logsRoot, 'build/status.json'))).toMatchObject({ outcome: 'success' });
    // checkpoint.json is rewritten at most once a second while the run goes on, and always at its end.
    expect(JSON.parse(read(logsRoot, 'checkpoint.json'))).toMatchObject({ current_node: 'build', next_node: 'slow' });
  });

  it('issue 9: kill -9 mid-run, then resume rebuilds a torn and a missing stage file from the store', async () => {
    const { run, logsRoot } = await startUntilSlow([]);
    killGroup(run.child.pid);
    killGroup(toolPid);
    expect((await run.exited).signal).toBe('SIGKILL');

    // What a crash can leave: a file cut short, a file never written, a stale checkpoint.json.
    writeFileSync(join(logsRoot, 'plan', 'response.md'), '[Simul');
    rmSync(join(logsRoot, 'build', 'prompt.md'), { force: true });
    writeFileSync(join(logsRoot, 'checkpoint.json'), '{"cur');

    writeFileSync(marker, '');
    const runId = logsRoot.split('/').at(-1)!;
    const resumed = await runBin(['resume', runId, '--json'], { cwd: ws.dir, home: ws.home });
    expect(resumed.code).toBe(0);
    expect(read(logsRoot, 'plan/response.md')).toBe('[Simulated] Response for stage: plan');
    expect(read(logsRoot, 'build/prompt.md')).toBe('Build it');
    expect(JSON.parse(read(logsRoot, 'checkpoint.json'))).toMatchObject({ current_node: 'exit', next_node: null });
  });

  it('issue 9: a tool node reads the previous LLM node\'s response.md from the run directory when it starts', async () => {
    ws.write(
      'reads.dot',
      `digraph reads {
        start [shape=Mdiamond]
        exit [shape=Msquare]
        draft [prompt="Draft it"]
        copy [shape=parallelogram, tool_command="cat \\"$ATTRACTOR_LOGS_ROOT/draft/response.md\\""]
        start -> draft -> copy -> exit
      }`,
    );
    const run = await runBin(['run', 'reads.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home });
    expect(run.code).toBe(0);
    const runId = (JSON.parse(run.stdout.split('\n')[0]!) as { runId: string }).runId;
    expect(read(join(ws.home, 'runs', runId), 'copy/stdout.txt')).toBe('[Simulated] Response for stage: draft');
  });
});
