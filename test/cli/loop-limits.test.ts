import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

// Issue 9: a node's own max_retries retries a failing tool; max_visits and max_steps end loops
// that would otherwise run forever, through the real CLI and the SQLite store.
let dir: string;
const bin = (...argv: string[]) => runBin(argv, { cwd: dir, home: join(dir, 'home') });

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'orchestra-loops-'));
  const pipeline = (name: string, body: string) => writeFileSync(join(dir, name), `digraph P {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n${body}\n}\n`);
  pipeline('retry.dot', '  flaky [shape=parallelogram, tool_command="echo try >> tries.txt; exit 1", max_retries=2]\n  start -> flaky -> exit');
  pipeline('spin.dot', '  max_steps=25\n  spin [shape=parallelogram, tool_command="true"]\n  start -> spin\n  spin -> spin [condition="outcome=success"]\n  spin -> exit [condition="outcome=fail"]');
  pipeline(
    'visits.dot',
    '  work [shape=parallelogram, tool_command="true", max_visits=2]\n  check [shape=parallelogram, tool_command="true"]\n  start -> work -> check\n  check -> work [condition="outcome=success"]\n  check -> exit [condition="outcome=fail"]',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runId = (stdout: string) => /as run (\w+)/.exec(stdout)?.[1] ?? '<none>';

/** The rows of `runs <id> --detail`'s Nodes table for one node, as [attempt, status]. */
async function ledger(stdout: string, node: string): Promise<string[][]> {
  const detail = await bin('runs', runId(stdout).slice(0, 8), '--detail');
  const nodes = detail.stdout.split('Nodes:\n')[1]?.split('\n\n')[0] ?? '';
  return nodes.split('\n').map((row) => row.trim().split(/\s+/)).filter((cells) => cells[1] === node).map((cells) => [cells[2]!, cells[3]!]);
}

describe('issue 9: loops and retries through orchestra run --simulate', () => {
  it('issue 9: a failing tool node with max_retries=2 runs 3 attempts, each in the ledger', async () => {
    const result = await bin('run', 'retry.dot', '--simulate');
    expect(result.code).not.toBe(0);
    expect(readFileSync(join(dir, 'tries.txt'), 'utf8')).toBe('try\ntry\ntry\n');
    expect(await ledger(result.stdout, 'flaky')).toEqual([
      ['1', 'fail'],
      ['2', 'fail'],
      ['3', 'fail'],
    ]);
  });

  it('issue 9: a loop -> loop self-edge ends quickly with the step-limit failure', async () => {
    const result = await bin('run', 'spin.dot', '--simulate');
    expect(result.code).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('The run stopped before node "spin": it reached the limit of 25 node executions (max_steps)');
    expect(output).toContain('graph [max_steps=50]');
    // start is the first of the 25 executions.
    expect(await ledger(result.stdout, 'spin')).toHaveLength(24);
  });

  it('issue 9: max_visits on a node in a cycle fails the run, naming the node and the limit', async () => {
    const result = await bin('run', 'visits.dot', '--simulate');
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('Node "work" exceeded max_visits=2');
    expect(await ledger(result.stdout, 'work')).toEqual([
      ['1', 'success'],
      ['1', 'success'],
    ]);
  });
});
