import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, normalizeDurations, type Workspace } from '../../src/cli/testing/run-cli.js';
import { smallPipeline } from '../../src/cli/testing/pipelines.js';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

let ws: Workspace;
beforeAll(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-bin-');
  ws.write('small.dot', smallPipeline);
  ws.write('bad.dot', 'digraph Bad {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  start -> ghost -> exit\n}\n');
});
afterAll(() => ws.remove());

const bin = (...argv: string[]) => runBin(argv, { cwd: ws.dir, home: ws.home });

describe('bin/orchestra.js', () => {
  it('compiles a good file (a note is not an error)', async () => {
    expect(await bin('compile', 'small.dot')).toEqual({
      code: 0,
      stdout: 'small.dot: ok, 4 nodes, 3 edges; 0 errors, 1 note\n',
      stderr: [
        'small.dot:6:12: info[unknown_variable]: The prompt of node build uses $who, which is not a run variable; it is left as written.',
        '  fix: pass it when running: orchestra run small.dot who=...',
        '',
      ].join('\n'),
    });
  });

  it('compiles a bad file: exact diagnostics on stderr, exit 1', async () => {
    expect(await bin('compile', 'bad.dot')).toEqual({
      code: 1,
      stdout: 'bad.dot: invalid, 3 nodes, 2 edges; 1 error\n',
      stderr: [
        'bad.dot:4:3: error[edge_target_exists]: Edge start -> ghost at bad.dot:4:3 names node ghost, which is never declared.',
        '  fix: declare it: ghost [label="..."]',
        '',
      ].join('\n'),
    });
  });

  it('reports a missing file with exit 3', async () => {
    expect(await bin('compile', 'missing.dot')).toEqual({
      code: 3,
      stdout: '',
      stderr: `error[E_FILE_NOT_FOUND]: Pipeline file ${join(ws.dir, 'missing.dot')} does not exist.\n  hint: Check the path; it is relative to the current directory.\n`,
    });
  });

  it('runs a pipeline with progress lines, then lists it in status', async () => {
    const result = await bin('run', 'small.dot', 'who=you', '--simulate', '--auto-approve');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const id = /Run (\w+) completed/.exec(result.stdout)?.[1] ?? '<none>';
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
    const status = await bin('runs');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`^${id}\\s+Small\\s+completed\\s+exit\\s`, 'm'));
    const detail = await bin('runs', id.slice(0, 8), '--detail');
    expect(detail.stdout).toMatch(/Nodes:\n.*\n {2}1\s+start\s+1\s+success/);
    expect(detail.stdout).toMatch(/Checkpoints:\n/);
  });

  it('prints only the result with --quiet, and JSON lines with --json', async () => {
    const quiet = await bin('run', 'small.dot', '--simulate', '--quiet');
    expect(quiet.code).toBe(0);
    expect(quiet.stdout.split('\n')).toHaveLength(2);
    const json = await bin('run', 'small.dot', '--simulate', '--json');
    const lines = json.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string });
    expect(lines[0]?.type).toBe('run.started');
    expect(lines.at(-1)).toMatchObject({ type: 'result', state: 'completed' });
  });

  it('reports an unknown run with exit 3', async () => {
    expect(await bin('runs', 'zzzz')).toEqual({
      code: 3,
      stdout: '',
      stderr: 'error[E_RUN_NOT_FOUND]: No run has an id starting with "zzzz".\n  hint: See the run ids with `orchestra runs` (ORCHESTRA_HOME selects the store).\n',
    });
  });

  it('prints help and the version', async () => {
    const help = await bin('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: orchestra');
    const version = await bin('--version');
    expect(version).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });
});
