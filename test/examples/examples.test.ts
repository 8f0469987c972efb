import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';
import { runCli } from '../../src/cli/testing/run-cli.js';

// Every pipeline in examples/ runs to completion, as a user would run it, with --simulate --auto-approve.
const examplesDir = resolve(import.meta.dirname, '../../examples');
const home = mkdtempSync(join(tmpdir(), 'orchestra-examples-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

interface Expectation {
  file: string;
  /** Nodes that must have run, with how many times. */
  ran: Record<string, number>;
}

const examples: Expectation[] = [
  { file: 'simple.dot', ran: { start: 1, run_tests: 1, report: 1, exit: 1 } },
  { file: 'branch.dot', ran: { plan: 1, implement: 1, validate: 1, gate: 1, exit: 1 } },
  // Auto-approve takes the first choice: [A] Approve → ship_it.
  { file: 'review.dot', ran: { review_gate: 1, ship_it: 1, fixes: 0, exit: 1 } },
  { file: 'parallel-review.dot', ran: { get_diff: 1, fan_out: 1, security: 1, architecture: 1, style: 1, fan_in: 1, critic: 1, approval: 1, exit: 1 } },
  // The goal gate fails once (sim.outcomes="fail,success"), so implement and test run twice.
  { file: 'implement-and-test.dot', ran: { plan: 1, implement: 2, test: 2, exit: 1 } },
  { file: 'manager-loop.dot', ran: { supervise: 1, summarize: 1, exit: 1 } },
  // Issue 3's examples: each in its own folder with an orchestra.yaml (ignored under --simulate).
  // Issue 10: the synthesizer is interactive; auto-approve ends its chat with the first choice, [A] Approve verdict.
  { file: 'pr-review/pr-review.dot', ran: { get_diff: 1, security: 1, architecture: 1, fan_in: 1, critic: 1, gate: 1, synthesize: 1, exit: 1 } },
  // Issue 10: the brainstorm is one conversation; auto-approve ends it (/done) after the first answer.
  { file: 'brainstorm/brainstorm.dot', ran: { ideas: 1, summarize: 1, exit: 1 } },
  { file: 'interview/interview.dot', ran: { requirements: 1, architecture: 1, review: 1, document: 1, exit: 1 } },
  // Issue 10: the approval gate is a human task (form, group, SLA, escalation); auto-approve takes [S] Ship.
  { file: 'approval/approval.dot', ran: { build: 1, notes: 1, approve: 1, ship: 1, hold: 0, exit: 1 } },
];

describe('examples/', () => {
  it.each(examples)('$file runs to completion with --simulate --auto-approve', async ({ file, ran }) => {
    const result = await runCli(['run', join(examplesDir, file), '--simulate', '--auto-approve', '--json', 'pr_number=42'], { cwd: examplesDir, home });
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type?: string; runId?: string; node?: string; branch?: string });
    const runId = lines.find((event) => event.type === 'run.started')?.runId;
    expect(runId).toBeTruthy();
    expect(lines.some((event) => event.type === 'run.completed')).toBe(true);

    const store = await openSqliteStore(join(home, 'orchestra.db'));
    try {
      const records = await store.listNodeRecords(runId!);
      const counts: Record<string, number> = {};
      for (const record of records) counts[record.nodeId] = (counts[record.nodeId] ?? 0) + 1;
      for (const [node, times] of Object.entries(ran)) expect({ node, times: counts[node] ?? 0 }).toEqual({ node, times });
      const run = await store.getRun(runId!);
      expect(run).toMatchObject({ state: 'completed', outcome: 'success', currentNode: 'exit' });
    } finally {
      await store.close();
    }
  });

  it('manager-loop.dot runs its child pipeline as a real child run', async () => {
    const store = await openSqliteStore(join(home, 'orchestra.db'));
    try {
      const runs = await store.listRuns({ limit: 1000 });
      const child = runs.find((run) => run.pipeline === 'ManagerChild');
      expect(child).toMatchObject({ state: 'completed', outcome: 'success' });
      expect(runs.find((run) => run.id === child!.parentRunId)?.pipeline).toBe('ManagerLoop');
      const detail = await runCli(['runs', child!.id, '--detail'], { cwd: examplesDir, home });
      expect(detail.stdout).toContain(`Child of:  ${child!.parentRunId}`);
      expect(detail.stdout).not.toContain('Replay of');
    } finally {
      await store.close();
    }
  });

  it('every example compiles without errors', async () => {
    for (const { file } of examples) {
      const result = await runCli(['compile', join(examplesDir, file)], { cwd: examplesDir, home });
      expect({ file, code: result.code }).toEqual({ file, code: 0 });
    }
  });
});
