import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { isProcessAlive } from '../../../src/core/process-alive.js';
import { openHomeStore } from '../../../src/cli/testing/seed-runs.js';
import { liveGroupMembers } from '../../../src/sessions/proc-stat.js';
import { eventually, spawnCli, type Spawned } from './spawn-cli.js';

/**
 * The side effect of the kill -9 tests: a shell command (`command`) writes `start <pid>` to the
 * ledger, waits (at most 30 s) until the test creates the `go` file, then appends
 * `side-effect <pid>`, the effect a second copy running at the same time would repeat.
 */
export function orphanLedger(dir: string) {
  const path = join(dir, 'ledger.txt');
  const go = join(dir, 'go');
  const pids: number[] = [];
  const lines = (): string[] => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []);
  return {
    go,
    /** Every copy's pid seen so far, for the test to kill whatever is left. */
    pids,
    lines,
    command: `echo start $$ >> '${path}'; i=0; while [ ! -f '${go}' ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; test -f '${go}' && echo side-effect $$ >> '${path}'`,
    /** The pid of the `n`th copy of the command to start (1-based), once its start line is in the ledger. */
    async startedCopy(n: number): Promise<number> {
      const pid = await eventually(() => {
        const starts = lines().filter((line) => line.startsWith('start '));
        return starts.length >= n ? Number(starts[n - 1]!.slice('start '.length)) : undefined;
      }, `copy ${n} of the command to start`);
      pids.push(pid);
      return pid;
    },
  };
}

export const groupGone = (pid: number): boolean => !isProcessAlive(pid) && (liveGroupMembers(pid) ?? []).length === 0;

/** The run id from the first line of `--json` output. */
export function runIdOf(run: Spawned): string {
  return (JSON.parse(run.stdout().split('\n')[0]!) as { runId: string }).runId;
}

/** The process groups the run's store holds, as resume would find them. */
export async function recordedGroups(home: string, runId: string) {
  const store = await openHomeStore(home);
  try {
    return (await store.listNodeProcesses(runId)).map(({ pid, nodeId, attempt }) => ({ pid, nodeId, attempt }));
  } finally {
    await store.close();
  }
}

/**
 * `orchestra resume` of a run killed while copy `first` of the ledger command (node `work`,
 * attempt 1) ran: resume ends that copy's group before a second copy starts, the run completes,
 * and only the second copy's side effect lands.
 */
export async function resumeEndsOrphanFirst(
  ledger: ReturnType<typeof orphanLedger>,
  o: { runId: string; first: number; cwd: string; home: string; env?: Record<string, string> },
): Promise<void> {
  const resume = spawnCli(['resume', o.runId, '--json'], { cwd: o.cwd, home: o.home, ...(o.env ? { env: o.env } : {}) });
  const second = await ledger.startedCopy(2);
  // The orphan was gone before the second copy started: never two copies at once.
  expect({ orphanGone: groupGone(o.first) }).toEqual({ orphanGone: true });
  writeFileSync(ledger.go, '');
  const { code } = await resume.exited;
  expect(resume.stderr()).toContain(`warning: ending a process group the interrupted run left running {"runId":"${o.runId}","pid":${o.first},"node":"work","attempt":1}`);
  expect(code).toBe(0);
  expect(resume.stdout().trimEnd().split('\n').at(-1)).toContain('"state":"completed"');
  // Exactly one side effect, from the re-run; none from the killed copy.
  expect(ledger.lines()).toEqual([`start ${o.first}`, `start ${second}`, `side-effect ${second}`]);
  expect(await recordedGroups(o.home, o.runId)).toEqual([]);
}

/**
 * Waits until `run` (`--json`) started the ledger command, then kill -9s the orchestra process
 * alone: the command, leading a group of its own, lives on, and its group is in the store.
 */
export async function killDriverMidCommand(run: Spawned, ledger: ReturnType<typeof orphanLedger>, home: string): Promise<{ runId: string; first: number }> {
  const first = await ledger.startedCopy(1);
  await run.waitForStdout('"type":"run.started"');
  const runId = runIdOf(run);
  process.kill(run.child.pid!, 'SIGKILL');
  expect((await run.exited).signal).toBe('SIGKILL');
  expect(isProcessAlive(first)).toBe(true);
  // The group was in the store before the command ran.
  expect(await recordedGroups(home, runId)).toEqual([{ pid: first, nodeId: 'work', attempt: 1 }]);
  return { runId, first };
}
