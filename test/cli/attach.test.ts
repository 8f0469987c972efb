import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { markerPipeline } from '../../src/cli/testing/pipelines.js';
import { assertBuilt, eventually, killGroup, spawnCli, type Spawned } from './helpers/spawn-cli.js';

let ws: Workspace;
let paths: { marker: string; pidFile: string; log: string };
const started: Spawned[] = [];

beforeEach(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-attach-');
  paths = { marker: join(ws.dir, 'marker'), pidFile: join(ws.dir, 'slow.pid'), log: join(ws.dir, 'log.txt') };
  ws.write('durable.dot', markerPipeline(paths));
});
afterEach(() => {
  for (const spawned of started.splice(0)) killGroup(spawned.child.pid);
  if (existsSync(paths.pidFile)) killGroup(Number(readFileSync(paths.pidFile, 'utf8').trim()) || undefined);
  ws.remove();
});

const eventLine = (type: string, node: string) => new RegExp(`^(?=.*"type":"${type.replace('.', '\\.')}")(?=.*"node":"${node}").*$`, 'm');
const jsonLines = (text: string) => text.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; seq?: number });

describe('orchestra attach from another process', () => {
  it('prints the events so far, then the new ones as they are committed, and exits with the result', async () => {
    const run = spawnCli(['run', 'durable.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home });
    started.push(run);
    await run.waitForStdout(eventLine('node.started', 'slow'));
    const runId = (JSON.parse(run.stdout().split('\n')[0]!) as { runId: string }).runId;

    const attach = spawnCli(['attach', runId.slice(0, 9), '--json'], { cwd: ws.dir, home: ws.home });
    started.push(attach);
    // The past: everything up to the node the run waits in.
    await attach.waitForStdout(eventLine('node.started', 'slow'));
    expect(attach.stdout()).not.toMatch(eventLine('node.completed', 'slow'));

    // The future: let the slow node finish; its completion reaches the attached process.
    await eventually(() => (existsSync(paths.pidFile) ? true : undefined), 'the slow node to start its command');
    writeFileSync(paths.marker, '');
    await attach.waitForStdout(eventLine('node.completed', 'slow'));
    const [attachExit, runExit] = await Promise.all([attach.exited, run.exited]);
    expect(runExit.code).toBe(0);
    expect(attachExit.code).toBe(0);
    expect(attach.stderr()).toBe('');

    const seen = jsonLines(attach.stdout());
    const emitted = jsonLines(run.stdout());
    expect(seen.at(-1)).toMatchObject({ type: 'result', runId, state: 'completed' });
    // attach saw exactly the events the running process announced, in the same order.
    expect(seen.slice(0, -1)).toEqual(emitted.slice(0, -1));
  });

  it('shows a human-readable follow of a finished run', async () => {
    writeFileSync(paths.marker, '');
    const run = spawnCli(['run', 'durable.dot', '--simulate', '--quiet'], { cwd: ws.dir, home: ws.home });
    started.push(run);
    expect((await run.exited).code).toBe(0);
    const runId = /Run (\w+) completed/.exec(run.stdout())?.[1] ?? '';
    const attach = spawnCli(['attach', runId], { cwd: ws.dir, home: ws.home });
    started.push(attach);
    expect((await attach.exited).code).toBe(0);
    expect(attach.stdout()).toContain('✓ slow  success');
    expect(attach.stdout()).toContain(`✓ Run ${runId} completed (success)`);
  });
});
