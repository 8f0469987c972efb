import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { groupGone, killDriverMidCommand, orphanLedger, recordedGroups, resumeEndsOrphanFirst, runIdOf } from './helpers/orphan-ledger.js';
import { assertBuilt, killGroup, runBin, spawnCli } from './helpers/spawn-cli.js';

let ws: Workspace;
let ledger: ReturnType<typeof orphanLedger>;

/** One tool node running the ledger command (helpers/orphan-ledger.ts). */
function ledgerPipeline(): string {
  return `digraph Orphans {
    start [shape=Mdiamond]
    exit  [shape=Msquare]
    work  [shape=parallelogram, tool_command="${ledger.command}"]
    start -> work -> exit
}
`;
}

beforeEach(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-orphans-');
  ledger = orphanLedger(ws.dir);
  ws.write('orphans.dot', ledgerPipeline());
});
afterEach(() => {
  // Whatever happened, leave no tool command behind.
  for (const pid of ledger.pids) killGroup(pid);
  ws.remove();
});
describe('tool commands left running by a killed run', () => {
  it('issue 8.11: after kill -9, resume ends the orphaned tool command before running the node again: one side effect', async () => {
    const run = spawnCli(['run', 'orphans.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home });
    const { runId, first } = await killDriverMidCommand(run, ledger, ws.home);
    await resumeEndsOrphanFirst(ledger, { runId, first, cwd: ws.dir, home: ws.home });
  });

  it.each(['SIGHUP', 'SIGTERM'] as const)('issue 8.11: %s to `orchestra run` interrupts it like Ctrl-C and ends the tool command; resume completes', async (signal) => {
    const run = spawnCli(['run', 'orphans.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home });
    const first = await ledger.startedCopy(1);
    await run.waitForStdout('"type":"run.started"');
    const runId = runIdOf(run);

    run.child.kill(signal);
    expect(await run.exited).toEqual({ code: 130, signal: null });
    expect(run.stdout().trimEnd().split('\n').at(-1)).toContain('"state":"interrupted"');
    expect(groupGone(first)).toBe(true);
    expect(await recordedGroups(ws.home, runId)).toEqual([]);
    const status = await runBin(['runs', runId, '--json'], { cwd: ws.dir, home: ws.home });
    expect(JSON.parse(status.stdout)).toMatchObject({ run: { id: runId, state: 'interrupted' } });

    writeFileSync(ledger.go, '');
    const resumed = await runBin(['resume', runId, '--json'], { cwd: ws.dir, home: ws.home });
    expect(resumed.code).toBe(0);
    const second = await ledger.startedCopy(2);
    expect(ledger.lines()).toEqual([`start ${first}`, `start ${second}`, `side-effect ${second}`]);
  });
});
