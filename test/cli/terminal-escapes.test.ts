import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

/*
 * Names in a pipeline file that try to drive the terminal (ESC sequences, BEL, CR) and to forge a
 * diagnostic line of their own after a newline. NO_COLOR is set, so none of our own output carries
 * an ESC: any ESC in the output came from the file.
 */
const esc = '\u001b';
const work = `w${esc}[31mork\nevil.dot:1:1: error[fake]: forged node`;
const gateLabel = `Ship${esc}[2J it?\revil.dot:4:4: error[fake]: forged question`;
const edgeLabel = `[A] App${esc}]0;title\u0007rove\nevil.dot:2:2: error[fake]: forged edge`;
const graphName = `Ev${esc}[5mil\nevil.dot:9:9: error[fake]: forged name`;
const ghost = `gh${esc}[0most\nevil.dot:3:3: error[fake]: forged ghost`;

function pipeline(extra = ''): string {
  return [
    `digraph "${graphName}" {`,
    '  start [shape=Mdiamond]',
    '  exit [shape=Msquare]',
    `  "${work}" [label="do it", prompt="do"]`,
    `  gate [shape=hexagon, label="${gateLabel}"]`,
    `  start -> "${work}" -> gate`,
    `  gate -> exit [label="${edgeLabel}"]`,
    extra,
    '}',
    '',
  ].join('\n');
}

/** No raw control character but the line feed, and no line that starts like a forged diagnostic. */
function expectNothingRaw(text: string): void {
  // eslint-disable-next-line no-control-regex -- raw control characters are what must not appear
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  expect(text.split('\n').filter((line) => /^evil\.dot:\d+:\d+: error\[fake\]/.test(line))).toEqual([]);
}

let ws: Workspace;
beforeAll(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-escapes-');
  ws.write('evil.dot', pipeline(`  gate -> "${ghost}"`));
  ws.write('run.dot', pipeline());
});
afterAll(() => ws.remove());

const bin = (...argv: string[]) => runBin(argv, { cwd: ws.dir, home: ws.home });

describe('issue 8.8: control characters in names are printed escaped', () => {
  it('issue 8.8: compile shows a forged id escaped inside its one diagnostic line', async () => {
    const result = await bin('compile', 'evil.dot');
    expect(result.code).toBe(1);
    expectNothingRaw(result.stdout + result.stderr);
    expect(result.stderr).toContain('names node gh\\x1b[0most\\nevil.dot:3:3: error[fake]: forged ghost, which is never declared.');
    expect(result.stderr.split('\n').filter((line) => line.startsWith('evil.dot:'))).toHaveLength(1);
  });

  it('issue 8.8: run progress, the runs table and the run detail escape ids, labels and names; --json keeps them', async () => {
    const run = await bin('run', 'run.dot', '--simulate', '--auto-approve');
    expect(run.code).toBe(0);
    expectNothingRaw(run.stdout + run.stderr);
    expect(run.stdout).toContain('w\\x1b[31mork\\nevil.dot:1:1: error[fake]: forged node  success');
    expect(run.stdout).toContain('Ship\\x1b[2J it?\\revil.dot:4:4: error[fake]: forged question');
    expect(run.stdout).toContain('App\\x1b]0;title\\x07rove\\nevil.dot:2:2');
    const id = /Run (\w+) completed/.exec(run.stdout)?.[1] ?? '<none>';

    const list = await bin('runs');
    expectNothingRaw(list.stdout + list.stderr);
    expect(list.stdout).toContain('Ev\\x1b[5mil\\nevil.dot:9:9: error[fake]: forged name');

    const detail = await bin('runs', id, '--detail');
    expectNothingRaw(detail.stdout + detail.stderr);
    expect(detail.stdout).toContain('w\\x1b[31mork\\nevil.dot:1:1: error[fake]: forged node');

    const json = await bin('runs', id, '--detail', '--json');
    const parsed = JSON.parse(json.stdout) as { run: { pipeline: string }; nodes: Array<{ nodeId: string }> };
    expect(parsed.run.pipeline).toBe(graphName);
    expect(parsed.nodes.map((node) => node.nodeId)).toContain(work);

    const events = await bin('run', 'run.dot', '--simulate', '--auto-approve', '--json');
    const nodes = events.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { type: string; node?: string });
    expect(nodes.filter((event) => event.type === 'node.completed').map((event) => event.node)).toContain(work);
  });
});
