import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignalSource } from '../cli-io.js';
import { CapturedOutput, createWorkspace, runCli, type Workspace } from '../testing/run-cli.js';
import { gatePipeline, smallPipeline } from '../testing/pipelines.js';
import { openHomeStore } from '../testing/seed-runs.js';

let ws: Workspace;
beforeEach(() => {
  ws = createWorkspace();
  ws.write('gate.dot', gatePipeline);
  ws.write('small.dot', smallPipeline);
});
afterEach(() => ws.remove());

const cli = (...argv: string[]) => runCli(argv, { cwd: ws.dir, home: ws.home });

function fakeSignals() {
  const emitter = new EventEmitter();
  const signals: SignalSource = { on: (name, fn) => emitter.on(name, fn), off: (name, fn) => emitter.off(name, fn) };
  return { signals, interrupt: () => emitter.emit('SIGINT') };
}

/** Starts the gate pipeline, waits for its question, presses Ctrl-C; returns the interrupted run's id. */
async function interruptAtGate(): Promise<string> {
  const { signals, interrupt } = fakeSignals();
  const stdout = new CapturedOutput();
  const stdin = new PassThrough();
  const running = runCli(['run', 'gate.dot', '--simulate'], { cwd: ws.dir, home: ws.home, stdin, stdout, signals });
  await stdout.waitFor('[?] Ship it?');
  interrupt();
  const result = await running;
  expect(result.code).toBe(130);
  expect(result.stderr).toContain('Interrupting: the run stops after saving its state (Ctrl-C again to exit at once)\n');
  const id = /Run (\w+) interrupted/.exec(result.stdout)?.[1];
  expect(result.stdout).toContain(`■ Run ${id} interrupted at node review after `);
  expect(result.stdout).toContain(`Resume it: orchestra resume ${id}\n`);
  return id!;
}

describe('Ctrl-C and orchestra resume', () => {
  it('interrupts at a human gate (exit 130), then resumes there without re-running earlier nodes', async () => {
    const id = await interruptAtGate();
    expect((await cli('runs', id)).stdout).toContain('State:     interrupted\n');

    const stdin = new PassThrough();
    stdin.end('F\n');
    const resumed = await runCli(['resume', id.slice(0, 10), '--simulate'], { cwd: ws.dir, home: ws.home, stdin });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('[?] Ship it?');
    expect(resumed.stdout).toContain('✓ fix  success');
    expect(resumed.stdout).not.toContain('✓ start');
    expect(resumed.stdout).toContain(`✓ Run ${id} completed (success)`);

    const store = await openHomeStore(ws.home);
    try {
      const records = await store.listNodeRecords(id);
      expect(records.filter((r) => r.nodeId === 'start')).toHaveLength(1);
      expect(records.filter((r) => r.nodeId === 'fix' && r.status === 'success')).toHaveLength(1);
      expect(records.some((r) => r.nodeId === 'ship')).toBe(false);
      expect((await store.getRun(id))?.state).toBe('completed');
    } finally {
      await store.close();
    }
  });

  it('resumes with the options the run started with unless flags are given', async () => {
    const id = await interruptAtGate();
    const resumed = await cli('resume', id, '--auto-approve', '--quiet');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`^✓ Run ${id} completed \\(success\\) in \\S+\\. Inspect it: orchestra runs ${id} --detail\\n$`));
    // The run started with --simulate: resuming it does not warn about the backend.
    expect(resumed.stderr).toBe('');
  });

  it('refuses to resume a completed run (E_RUN_FINISHED, exit 4)', async () => {
    const run = await cli('run', 'small.dot', '--simulate', '--quiet');
    const id = /Run (\w+)/.exec(run.stdout)?.[1] ?? '';
    const result = await cli('resume', id);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^error\[E_RUN_FINISHED\]: .*\n {2}hint: .*replay/);
  });

  it('fails with E_RUN_NOT_FOUND for an unknown run', async () => {
    const result = await cli('resume', 'nope');
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('error[E_RUN_NOT_FOUND]: No run has an id starting with "nope".\n  hint: See the run ids with `orchestra runs` (ORCHESTRA_HOME selects the store).\n');
  });
});
