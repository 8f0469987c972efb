import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { markerPipeline } from '../../src/cli/testing/pipelines.js';
import { openHomeStore } from '../../src/cli/testing/seed-runs.js';
import { assertBuilt, eventLine, eventually, killGroup, runBin, spawnCli } from './helpers/spawn-cli.js';

let ws: Workspace;
let paths: { marker: string; pidFile: string; log: string };
let toolPid: number | undefined;

beforeEach(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-durable-');
  paths = { marker: join(ws.dir, 'marker'), pidFile: join(ws.dir, 'slow.pid'), log: join(ws.dir, 'log.txt') };
  ws.write('durable.dot', markerPipeline(paths));
  toolPid = undefined;
});
afterEach(() => {
  // Whatever happened, leave no `sleep 30` behind.
  killGroup(toolPid);
  ws.remove();
});

async function readToolPid(): Promise<number> {
  return eventually(() => {
    const text = existsSync(paths.pidFile) ? readFileSync(paths.pidFile, 'utf8').trim() : '';
    return /^\d+$/.test(text) ? Number(text) : undefined;
  }, 'the slow tool node to write its pid');
}

describe('durability', () => {
  it('kill -9 in the middle of a slow node, then resume: completes without re-running finished nodes', async () => {
    const run = spawnCli(['run', 'durable.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home });
    await run.waitForStdout(eventLine('node.started', 'slow'));
    toolPid = await readToolPid();
    const runId = (JSON.parse(run.stdout().split('\n')[0]!) as { runId: string }).runId;

    killGroup(run.child.pid);
    killGroup(toolPid);
    expect((await run.exited).signal).toBe('SIGKILL');

    // The store shows the run as abandoned at once: its lease names a dead process on this host.
    const status = await runBin(['runs', runId, '--json'], { cwd: ws.dir, home: ws.home });
    expect(JSON.parse(status.stdout)).toMatchObject({ run: { id: runId, state: 'running', displayState: 'interrupted?' } });

    writeFileSync(paths.marker, '');
    const resumed = await runBin(['resume', runId, '--json'], { cwd: ws.dir, home: ws.home });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    const resumedEvents = resumed.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; node?: string; resumed?: boolean });
    expect(resumedEvents[0]).toMatchObject({ type: 'run.started', resumed: true });
    expect(resumedEvents.at(-1)).toMatchObject({ type: 'result', runId, state: 'completed' });
    expect(resumedEvents.filter((e) => e.type === 'node.started').map((e) => e.node)).toEqual(['slow', 'after', 'exit']);

    // Nodes finished before the kill ran exactly once; the killed node ran again.
    expect(readFileSync(paths.log, 'utf8')).toBe('before\nafter\n');
    const store = await openHomeStore(ws.home);
    try {
      const records = await store.listNodeRecords(runId);
      const count = (node: string) => records.filter((r) => r.nodeId === node).length;
      expect([count('start'), count('before'), count('slow'), count('after'), count('exit')]).toEqual([1, 1, 2, 1, 1]);
      const events = await store.readEvents(runId, 0);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.filter((e) => e.type === 'node.started' && e.node === 'before')).toHaveLength(1);
      const record = await store.getRun(runId);
      expect(record).toMatchObject({ state: 'completed', outcome: 'success' });

      // The run directory is intact: manifest, final checkpoint, a status file per node.
      const logsRoot = record!.logsRoot;
      expect(JSON.parse(readFileSync(join(logsRoot, 'checkpoint.json'), 'utf8'))).toMatchObject({ current_node: 'exit', next_node: null });
      expect(existsSync(join(logsRoot, 'manifest.json'))).toBe(true);
      for (const node of ['before', 'slow', 'after']) expect(existsSync(join(logsRoot, node, 'status.json'))).toBe(true);
    } finally {
      await store.close();
    }
    const db = new Database(join(ws.home, 'orchestra.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('Ctrl-C stops the run with exit 130 and says how to resume; resume completes it', async () => {
    const run = spawnCli(['run', 'durable.dot', '--simulate'], { cwd: ws.dir, home: ws.home });
    toolPid = await readToolPid();
    run.child.kill('SIGINT');
    const { code } = await run.exited;
    expect(code).toBe(130);
    const runId = /Resume it: orchestra resume (\w+)/.exec(run.stdout())?.[1];
    expect(runId).toBeDefined();
    expect(run.stdout()).toContain(`■ Run ${runId} interrupted at node slow after `);
    expect(run.stderr()).toContain('Interrupting: the run stops after saving its state (Ctrl-C again to exit at once)');

    const status = await runBin(['runs', runId!], { cwd: ws.dir, home: ws.home });
    expect(status.stdout).toContain('State:     interrupted\n');

    writeFileSync(paths.marker, '');
    const resumed = await runBin(['resume', runId!], { cwd: ws.dir, home: ws.home });
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('✓ slow  success');
    expect(resumed.stdout).not.toContain('✓ before');
    expect(readFileSync(paths.log, 'utf8')).toBe('before\nafter\n');
  });
});
