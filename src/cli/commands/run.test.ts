import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, normalizeDurations, runCli, type Workspace } from '../testing/run-cli.js';
import { failingPipeline, gatePipeline, smallPipeline } from '../testing/pipelines.js';
import { openHomeStore } from '../testing/seed-runs.js';

let ws: Workspace;
beforeEach(() => {
  ws = createWorkspace();
  ws.write('small.dot', smallPipeline);
});
afterEach(() => ws.remove());

const cli = (...argv: string[]) => runCli(argv, { cwd: ws.dir, home: ws.home });
const runIdOf = (text: string) => /Run (\w+) /.exec(text)?.[1] ?? '';

describe('orchestra run', () => {
  it('prints one line per node (edges only when a decision chose them), and a result line naming the run', async () => {
    const result = await cli('run', 'small.dot', 'who=you', '--simulate', '--auto-approve');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const id = runIdOf(result.stdout);
    expect(id).toMatch(/^\w{16}$/);
    expect(normalizeDurations(result.stdout).replaceAll(id, '<id>')).toBe(
      [
        'Running Small as run <id>',
        '✓ start  success  <t>',
        '✓ plan  success  <t>',
        '✓ build  success  <t>',
        '✓ exit  success  <t>',
        '✓ Run <id> completed (success) in <t>. Inspect it: orchestra runs <id> --detail',
        '',
      ].join('\n'),
    );
  });

  it('passes key=value variables to prompts and stores them with the run', async () => {
    const result = await cli('run', 'small.dot', 'who=the team', '--simulate', '--quiet');
    expect(result.code).toBe(0);
    const store = await openHomeStore(ws.home);
    try {
      const [run] = await store.listRuns();
      expect(run?.variables).toEqual({ who: 'the team' });
      expect(run?.options).toEqual({ simulate: true, autoApprove: false });
      expect(readFileSync(join(run!.logsRoot, 'build', 'prompt.md'), 'utf8')).toContain('Build for the team');
    } finally {
      await store.close();
    }
  });

  it('prints only the result line with --quiet', async () => {
    const result = await cli('run', 'small.dot', '--simulate', '--quiet');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^✓ Run \w+ completed \(success\) in \S+\. Inspect it: orchestra runs \w+ --detail\n$/);
  });

  it('prints every event as a JSON line, then the result, with --json', async () => {
    const result = await cli('run', 'small.dot', '--simulate', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const result_ = lines.at(-1)!;
    const events = lines.slice(0, -1);
    expect(result_).toMatchObject({ type: 'result', state: 'completed', outcome: 'success' });
    expect(events.map((event) => event.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.every((event) => event.runId === result_.runId)).toBe(true);
    expect(events[0]).toMatchObject({ type: 'run.started', pipeline: 'Small', resumed: false });
    expect(events.at(-1)).toMatchObject({ type: 'run.completed', status: 'success' });
    expect(events.filter((event) => event.type === 'node.completed').map((event) => event.node)).toEqual(['start', 'plan', 'build', 'exit']);
  });

  it('warns once that the simulation backend is used when no model is configured and --simulate is not given', async () => {
    const result = await runCli(['run', 'small.dot'], { cwd: ws.dir, home: ws.home, env: { PATH: process.env.PATH ?? '' } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'warning: no model is configured (no orchestra.yaml and no provider key is set), so this run uses the simulation backend. ' +
        'Set ANTHROPIC_API_KEY or OPENAI_API_KEY, or pass --simulate to say so and silence this warning.\n',
    );
  });

  it('asks a human gate at the terminal and follows the answer', async () => {
    ws.write('gate.dot', gatePipeline);
    const stdin = new PassThrough();
    stdin.end('f\n');
    const result = await runCli(['run', 'gate.dot', '--simulate'], { cwd: ws.dir, home: ws.home, stdin });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('[?] Ship it?\n  [A] Approve\n  [F] Fix\n');
    expect(result.stdout).toContain('? review  Ship it? → Fix\n');
    expect(result.stdout).toContain('  → fix "[F] Fix" (preferred label)\n');
    expect(result.stdout).toContain('✓ fix  success');
    expect(result.stdout).not.toContain('✓ ship');
  });

  it('asks on stderr with --json, so that stdout stays JSON lines', async () => {
    ws.write('gate.dot', gatePipeline);
    const stdin = new PassThrough();
    stdin.end('A\n');
    const result = await runCli(['run', 'gate.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home, stdin });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('[?] Ship it?');
    const types = result.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { type: string }).type);
    expect(types).toContain('interview.completed');
    expect(types.at(-1)).toBe('result');
  });

  it('auto-approves a human gate with its first choice', async () => {
    ws.write('gate.dot', gatePipeline);
    const result = await cli('run', 'gate.dot', '--simulate', '--auto-approve');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('[?]');
    expect(result.stdout).toContain('✓ ship  success');
  });

  it('writes the run directory where --logs says', async () => {
    const result = await cli('run', 'small.dot', '--simulate', '--quiet', '--logs', 'out/run1');
    expect(result.code).toBe(0);
    expect(existsSync(join(ws.dir, 'out', 'run1', 'checkpoint.json'))).toBe(true);
  });

  it('reports a failed node and exits 1', async () => {
    ws.write('failing.dot', failingPipeline);
    const result = await cli('run', 'failing.dot', '--simulate');
    expect(result.code).toBe(1);
    const id = runIdOf(result.stdout);
    expect(normalizeDurations(result.stdout)).toContain('\n✗ check  fail  <t>  Tool command exited with code 3: broken\n');
    expect(normalizeDurations(result.stdout)).toContain(`✗ Run ${id} failed at node check after <t>: Tool command exited with code 3: broken. `);
    expect(result.stdout).toContain(`Inspect it: orchestra runs ${id} --detail; run it again from a checkpoint: orchestra replay ${id} --checkpoint <n>\n`);
  });

  it('does not start a pipeline with errors: diagnostics, a summary, exit 1, no run stored', async () => {
    ws.write('bad.dot', 'digraph Bad {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  start -> ghost -> exit\n}\n');
    const result = await cli('run', 'bad.dot', '--simulate');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'bad.dot:4:3: error[edge_target_exists]: Edge start -> ghost at bad.dot:4:3 names node ghost, which is never declared.',
        '  fix: declare it: ghost [label="..."]',
        'Not started: bad.dot has 1 error. Check it with `orchestra compile bad.dot`.',
        '',
      ].join('\n'),
    );
    expect((await cli('runs')).stdout).toMatch(/^No runs yet/);
  });

  it('prints validation warnings on stderr, but not with --quiet', async () => {
    ws.write('warn.dot', 'digraph Warn {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  work [prompt="x", max_retry=1]\n  start -> work -> exit\n}\n');
    const loud = await cli('run', 'warn.dot', '--simulate');
    expect(loud.code).toBe(0);
    expect(loud.stderr).toContain('warn.dot:4:21: warning[unknown_attribute]: Unknown attribute "max_retry"');
    const quiet = await cli('run', 'warn.dot', '--simulate', '--quiet');
    expect(quiet.stderr).toBe('');
  });

  it.each([
    [['who'], 'error[E_VARIABLE]: Expected a variable as key=value, got "who".\n  hint: Give variables after the file, e.g. `orchestra run review.dot pr_number=123`.\n'],
    [['1x=2'], 'error[E_VARIABLE]: Variable name "1x" in "1x=2" is not a valid name.\n  hint: Names start with a letter or _ and contain only letters, digits and _ (they are used as $name in prompts).\n'],
  ])('rejects the variable arguments %j with E_VARIABLE (exit 2)', async (args, stderr) => {
    expect(await cli('run', 'small.dot', ...args, '--simulate')).toEqual({ code: 2, stdout: '', stderr });
  });

  it('fails with E_FILE_NOT_FOUND (exit 3) for a missing file', async () => {
    const result = await cli('run', 'nope.dot');
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(`error[E_FILE_NOT_FOUND]: Pipeline file ${join(ws.dir, 'nope.dot')} does not exist.\n  hint: Check the path; it is relative to the current directory.\n`);
  });
});
