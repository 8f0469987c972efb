import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../src/core/process-alive.js';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { openHomeStore } from '../../src/cli/testing/seed-runs.js';
import { liveGroupMembers } from '../../src/sessions/proc-stat.js';
import { assertBuilt, eventually, killGroup, runBin, spawnCli, type Spawned } from './helpers/spawn-cli.js';

let ws: Workspace;
let ledger: string;
let go: string;
let pids: number[];

/**
 * One tool node: it writes `start <pid>` to the ledger, waits (at most 30 s) until the test
 * creates the `go` file, then appends `side-effect <pid>`: the effect a second copy would repeat.
 */
function ledgerPipeline(): string {
  return `digraph Orphans {
    start [shape=Mdiamond]
    exit  [shape=Msquare]
    work  [shape=parallelogram, tool_command="echo start $$ >> '${ledger}'; i=0; while [ ! -f '${go}' ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; test -f '${go}' && echo side-effect $$ >> '${ledger}'"]
    start -> work -> exit
}
`;
}

beforeEach(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-orphans-');
  ledger = join(ws.dir, 'ledger.txt');
  go = join(ws.dir, 'go');
  ws.write('orphans.dot', ledgerPipeline());
  pids = [];
});
afterEach(() => {
  // Whatever happened, leave no tool command behind.
  for (const pid of pids) killGroup(pid);
  ws.remove();
});

const ledgerLines = (): string[] => (existsSync(ledger) ? readFileSync(ledger, 'utf8').split('\n').filter(Boolean) : []);

/** The pid of the `n`th copy of the tool command to start (1-based), once its start line is in the ledger. */
async function startedCopy(n: number): Promise<number> {
  const pid = await eventually(() => {
    const starts = ledgerLines().filter((line) => line.startsWith('start '));
    return starts.length >= n ? Number(starts[n - 1]!.slice('start '.length)) : undefined;
  }, `copy ${n} of the tool command to start`);
  pids.push(pid);
  return pid;
}

const groupGone = (pid: number) => !isProcessAlive(pid) && (liveGroupMembers(pid) ?? []).length === 0;

function runIdOf(run: Spawned): string {
  return (JSON.parse(run.stdout().split('\n')[0]!) as { runId: string }).runId;
}

async function recordedGroups(runId: string) {
  const store = await openHomeStore(ws.home);
  try {
    return (await store.listNodeProcesses(runId)).map(({ pid, nodeId, attempt }) => ({ pid, nodeId, attempt }));
  } finally {
    await store.close();
  }
}

describe('tool commands left running by a killed run', () => {
  it('issue 8.11: after kill -9, resume ends the orphaned tool command before running the node again: one side effect', async () => {
    const run = spawnCli(['run', 'orphans.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home });
    const first = await startedCopy(1);
    await run.waitForStdout('"type":"run.started"');
    const runId = runIdOf(run);

    // Only the orchestra process dies; the tool command leads a group of its own and lives on.
    process.kill(run.child.pid!, 'SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    expect(isProcessAlive(first)).toBe(true);
    // The group was in the store before the command ran.
    expect(await recordedGroups(runId)).toEqual([{ pid: first, nodeId: 'work', attempt: 1 }]);

    const resume = spawnCli(['resume', runId, '--json'], { cwd: ws.dir, home: ws.home });
    const second = await startedCopy(2);
    // The orphan was gone before the second copy started: never two copies at once.
    expect({ orphanGone: groupGone(first) }).toEqual({ orphanGone: true });
    writeFileSync(go, '');
    const { code } = await resume.exited;
    expect(resume.stderr()).toContain(`warning: ending a process group the interrupted run left running {"runId":"${runId}","pid":${first},"node":"work","attempt":1}`);
    expect(code).toBe(0);
    expect(resume.stdout().trimEnd().split('\n').at(-1)).toContain('"state":"completed"');
    // Exactly one side effect, from the re-run; none from the killed copy.
    expect(ledgerLines()).toEqual([`start ${first}`, `start ${second}`, `side-effect ${second}`]);
    expect(await recordedGroups(runId)).toEqual([]);
  });

  it.each(['SIGHUP', 'SIGTERM'] as const)('issue 8.11: %s to `orchestra run` interrupts it like Ctrl-C and ends the tool command; resume completes', async (signal) => {
    const run = spawnCli(['run', 'orphans.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home });
    const first = await startedCopy(1);
    await run.waitForStdout('"type":"run.started"');
    const runId = runIdOf(run);

    run.child.kill(signal);
    expect(await run.exited).toEqual({ code: 130, signal: null });
    expect(run.stdout().trimEnd().split('\n').at(-1)).toContain('"state":"interrupted"');
    expect(groupGone(first)).toBe(true);
    expect(await recordedGroups(runId)).toEqual([]);
    const status = await runBin(['runs', runId, '--json'], { cwd: ws.dir, home: ws.home });
    expect(JSON.parse(status.stdout)).toMatchObject({ run: { id: runId, state: 'interrupted' } });

    writeFileSync(go, '');
    const resumed = await runBin(['resume', runId, '--json'], { cwd: ws.dir, home: ws.home });
    expect(resumed.code).toBe(0);
    const second = await startedCopy(2);
    expect(ledgerLines()).toEqual([`start ${first}`, `start ${second}`, `side-effect ${second}`]);
  });
});
