import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { openSqliteStore } from '../../src/store/index.js';

// The list of bad inputs, each as a user meets it at the command line: a clear error that
// names the place and what to do, the documented exit code, and nothing already stored is lost.
const dir = mkdtempSync(join(tmpdir(), 'orchestra-bad-input-'));
const home = join(dir, 'home');
const cli = (...argv: string[]) => runCli(argv, { cwd: dir, home });
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
let goodRunId = '';

beforeAll(async () => {
  write('good.dot', 'digraph Good {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  work [prompt="Do it"]\n  start -> work -> exit\n}\n');
  const result = await cli('run', 'good.dot', '--simulate', '--quiet');
  expect(result.code).toBe(0);
  goodRunId = /Run (\S+) completed/.exec(result.stdout + result.stderr)?.[1] ?? '';
  expect(goodRunId).not.toBe('');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases = [
  {
    name: 'malformed DOT',
    file: write('syntax.dot', 'digraph S {\n  start [shape=Mdiamond\n  exit [shape=Msquare]\n}\n'),
    code: 2,
    expected: [/error\[E_DOT_SYNTAX\]: Expected "\]"/, /syntax\.dot:2:24/, /\^/],
  },
  {
    name: 'an edge to a missing node',
    file: write('missing-node.dot', 'digraph M {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  start -> wrok -> exit\n}\n'),
    code: 1,
    expected: [/missing-node\.dot:4:\d+: error\[edge_target_exists\]/, /wrok/, /fix: declare it/],
  },
  {
    name: 'a graph with no path to exit',
    file: write('no-exit-path.dot', 'digraph N {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  loop [prompt="spin"]\n  start -> loop\n  loop -> loop\n}\n'),
    code: 1,
    expected: [/error\[exit_reachable\]/],
  },
  {
    name: 'a bad condition',
    file: write('bad-condition.dot', 'digraph C {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  start -> exit [condition="outcome>success"]\n}\n'),
    code: 1,
    expected: [/bad-condition\.dot:4:\d+: error\[condition_syntax\]/, /not supported/],
  },
  {
    name: 'a bad stylesheet',
    file: write('bad-style.dot', 'digraph Y {\n  graph [model_stylesheet="* { llm_model gpt }"]\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  start -> exit\n}\n'),
    code: 1,
    expected: [/bad-style\.dot:2:\d+: error\[stylesheet_syntax\]/],
  },
  {
    name: 'a missing file',
    file: 'no-such-file.dot',
    code: 3,
    expected: [/error\[E_FILE_NOT_FOUND\]/, /no-such-file\.dot/, /hint:/],
  },
];

describe('bad input', () => {
  it.each(cases)('$name: run refuses with a clear error and exit $code', async ({ file, code, expected }) => {
    const result = await cli('run', file, '--simulate');
    expect(result.code).toBe(code);
    for (const pattern of expected) expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/Unhandled|\n\s+at /);
  });

  it('an unknown attribute warns with a suggestion, and the run still goes ahead', async () => {
    const file = write('typo.dot', 'digraph T {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  work [prompt="x", max_retry=2]\n  start -> work -> exit\n}\n');
    const result = await cli('run', file, '--simulate');
    expect(result.stderr).toMatch(/typo\.dot:4:\d+: warning\[unknown_attribute\].*max_retry.*max_retries/);
    expect(result.code).toBe(0);
  });

  it('a tool command that does not exist fails the run naming the node and the command', async () => {
    const file = write('no-tool.dot', 'digraph X {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  lint [shape=parallelogram, tool_command="definitely-not-a-command --check"]\n  start -> lint -> exit\n}\n');
    const result = await cli('run', file, '--simulate');
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/lint/);
    expect(result.stdout + result.stderr).toMatch(/command not found: definitely-not-a-command/i);
  });

  it('resume of an unknown run exits 3; of a finished run exits 4 and points to replay', async () => {
    const unknown = await cli('resume', 'zzzzzz');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/error\[E_RUN_NOT_FOUND\]/);
    const finished = await cli('resume', goodRunId);
    expect(finished.code).toBe(4);
    expect(finished.stderr).toMatch(/error\[E_RUN_FINISHED\]/);
    expect(finished.stderr).toMatch(/replay/);
  });

  it('replay of a checkpoint that does not exist lists the valid ones', async () => {
    const result = await cli('replay', goodRunId, '--checkpoint', '99');
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/error\[E_CHECKPOINT_NOT_FOUND\]/);
    expect(result.stderr).toMatch(/1/);
  });

  it('variables that are not key=value are refused naming the argument', async () => {
    const result = await cli('run', 'good.dot', '--simulate', 'pr_number');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error\[E_VARIABLE\]/);
    expect(result.stderr).toMatch(/pr_number/);
  });

  it('after all of the above, the earlier run is intact and a new run still works', async () => {
    const store = await openSqliteStore(join(home, 'orchestra.db'));
    try {
      expect(await store.getRun(goodRunId)).toMatchObject({ state: 'completed', outcome: 'success' });
      expect((await store.listCheckpoints(goodRunId)).length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
    const again = await cli('run', 'good.dot', '--simulate', '--quiet');
    expect(again.code).toBe(0);
  });
});
