import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { openHomeStore } from '../../src/cli/testing/seed-runs.js';
import { tenBranchPipeline } from './helpers/fan-pipelines.js';
import { assertBuilt, eventLine, eventually, killGroup, runBin, spawnCli } from './helpers/spawn-cli.js';

let ws: Workspace;
let paths: { ledger: string; marker: string; pidFile: string };
let gatePid: number | undefined;

beforeEach(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-branches-');
  paths = { ledger: join(ws.dir, 'ledger'), marker: join(ws.dir, 'marker'), pidFile: join(ws.dir, 'gate.pid') };
  gatePid = undefined;
});
afterEach(() => {
  killGroup(gatePid);
  ws.remove();
});

const ledgerCounts = (): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const line of readFileSync(paths.ledger, 'utf8').split('\n').filter(Boolean)) counts[line] = (counts[line] ?? 0) + 1;
  return counts;
};

describe('parallel branches survive a crash', () => {
  it('issue 8.10: kill -9 during a 10-branch fan-out, then resume: finished branch nodes do not run again', async () => {
    const { dot, quickNodes } = tenBranchPipeline(paths);
    ws.write('fan.dot', dot);
    const run = spawnCli(['run', 'fan.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home });
    // Every quick branch node has finished (its node.completed is out) while `gate` still waits.
    for (const node of quickNodes) await run.waitForStdout(eventLine('node.completed', node));
    gatePid = await eventually(() => {
      const text = existsSync(paths.pidFile) ? readFileSync(paths.pidFile, 'utf8').trim() : '';
      return /^\d+$/.test(text) ? Number(text) : undefined;
    }, 'the gate node to write its pid');
    const runId = (JSON.parse(run.stdout().split('\n')[0]!) as { runId: string }).runId;
    killGroup(run.child.pid);
    killGroup(gatePid);
    expect((await run.exited).signal).toBe('SIGKILL');
    expect(ledgerCounts()).toEqual(Object.fromEntries(quickNodes.map((node) => [node, 1])));

    writeFileSync(paths.marker, '');
    const resumed = await runBin(['resume', runId, '--json'], { cwd: ws.dir, home: ws.home });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    const events = resumed.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; node?: string });
    expect(events.at(-1)).toMatchObject({ type: 'result', runId, state: 'completed' });
    // Only the node that was running at the kill ran again; the fan-in saw all ten branches.
    expect(events.filter((e) => e.type === 'node.started').map((e) => e.node)).toEqual(['fan', 'gate', 'join', 'exit']);
    expect(ledgerCounts()).toEqual({ ...Object.fromEntries(quickNodes.map((node) => [node, 1])), gate: 1 });

    const store = await openHomeStore(ws.home);
    try {
      const checkpoint = await store.latestCheckpoint(runId);
      const results = checkpoint?.context['parallel.results'] as Array<{ id: string; status: string; last_node: string }>;
      expect(results.map((r) => [r.id, r.status, r.last_node])).toEqual([
        ...Array.from({ length: 9 }, (_, i) => [`b${i}_1`, 'success', `b${i}_${1 + (i % 3)}`]),
        ['gate', 'success', 'gate'],
      ]);
    } finally {
      await store.close();
    }
  });
});
