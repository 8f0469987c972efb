import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

/**
 * Issue 9: tool nodes written for other Attractor engines run unchanged: they read ATTRACTOR_* and
 * the prompt file, and report their outcome through status.json (spec §4.5).
 */
let ws: Workspace;

beforeEach(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-attractor-tools-');
});
afterEach(() => ws.remove());

/** The shell scripts live beside the DOT file (the tools' working directory), so no quoting is needed in DOT. */
function writeScripts(scripts: Record<string, string>): void {
  for (const [name, text] of Object.entries(scripts)) ws.write(name, text);
}

async function run(dot: string) {
  ws.write('p.dot', dot);
  const logs = join(ws.dir, 'logs');
  const result = await runBin(['run', 'p.dot', '--simulate', '--logs', logs], { cwd: ws.dir, home: ws.home });
  return { ...result, logs, read: (node: string, file: string) => readFileSync(join(logs, node, file), 'utf8') };
}

describe('issue 9: Attractor tool compatibility through `orchestra run`', () => {
  it('issue 9: a tool sees ATTRACTOR_NODE_ID/STAGE_DIR/LOGS_ROOT, reads its prompt from $ATTRACTOR_PROMPT_FILE; status.json routes (fail edge, preferred_label, context_updates) over the exit code', async () => {
    writeScripts({
      'show.sh': 'echo "node=$ATTRACTOR_NODE_ID"; echo "stage=$ATTRACTOR_STAGE_DIR"; echo "root=$ATTRACTOR_LOGS_ROOT"; echo "prompt=$(cat "$ATTRACTOR_PROMPT_FILE")"; echo warn >&2\n',
      'judge.sh': 'echo \'{"outcome": "fail", "failure_reason": "3 lint errors"}\' > "$ATTRACTOR_STAGE_DIR/status.json"\n',
      'pick.sh': 'echo \'{"outcome": "success", "preferred_label": "Deploy", "context_updates": {"target": "staging"}}\' > "$ATTRACTOR_STAGE_DIR/status.json"; exit 3\n',
      'trace.sh': 'echo "$ATTRACTOR_NODE_ID" >> "$ATTRACTOR_LOGS_ROOT/trace.txt"\n',
    });
    const { code, stderr, logs, read } = await run(`digraph Compat {
      goal="ship the parser"
      start [shape=Mdiamond]
      exit  [shape=Msquare]
      show  [shape=parallelogram, prompt="Check $goal", tool_command="sh show.sh"]
      judge [shape=parallelogram, tool_command="sh judge.sh"]
      fix   [shape=parallelogram, tool_command="sh trace.sh"]
      pick  [shape=parallelogram, tool_command="sh pick.sh"]
      deploy [shape=parallelogram, tool_command="sh trace.sh"]
      archive [shape=parallelogram, tool_command="sh trace.sh"]
      staging [shape=parallelogram, tool_command="sh trace.sh"]
      start -> show -> judge
      judge -> fix [condition="outcome=fail"]
      judge -> exit [condition="outcome=success"]
      fix -> pick
      // Without the preferred label, archive (first by name) would be taken.
      pick -> archive [label="Archive"]
      pick -> deploy [label="Deploy"]
      deploy -> staging [condition="context.target=staging"]
      deploy -> exit
      archive -> exit
      staging -> exit
    }`);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const stage = join(logs, 'show');
    expect(read('show', 'stdout.txt')).toBe(`node=show\nstage=${stage}\nroot=${logs}\nprompt=Check ship the parser\n`);
    expect(read('show', 'prompt.txt')).toBe('Check ship the parser');
    expect(read('show', 'tool_output.txt').replace('warn\n', '')).toBe(read('show', 'stdout.txt'));
    expect(read('show', 'tool_output.txt')).toContain('warn\n');
    // judge exited 0 but its status.json said fail: the fail edge was taken; pick exited 3 but said success with a label.
    expect(readFileSync(join(logs, 'trace.txt'), 'utf8')).toBe('fix\ndeploy\nstaging\n');
    expect(JSON.parse(read('judge', 'status.json'))).toMatchObject({ outcome: 'fail', failure_reason: '3 lint errors' });
    expect(JSON.parse(read('pick', 'status.json'))).toMatchObject({ outcome: 'success', preferred_label: 'Deploy' });
  });

  it('issue 9: a malformed status.json from a tool fails the node with a message naming the file and the problem', async () => {
    writeScripts({ 'bad.sh': 'echo \'{"outcome": "maybe"}\' > "$ATTRACTOR_STAGE_DIR/status.json"\n' });
    const { code, stdout, stderr, logs } = await run(`digraph Bad {
      start [shape=Mdiamond]
      exit  [shape=Msquare]
      bad   [shape=parallelogram, tool_command="sh bad.sh"]
      start -> bad -> exit [condition="outcome=success"]
    }`);
    const file = join(logs, 'bad', 'status.json');
    expect(code).not.toBe(0);
    expect(`${stdout}${stderr}`).toContain(`status file ${file} has "outcome": "maybe", expected one of success, partial_success, retry, fail, skipped`);
    expect(`${stdout}${stderr}`).not.toMatch(/at .*\.js:\d+/);
  });

  it('issue 9: a tool that leaves symlinks where its logs go cannot make the next attempt write through them', async () => {
    ws.write('victim.txt', 'untouched\n');
    writeScripts({
      'plant.sh':
        'if [ ! -e tried ]; then touch tried; for f in stdout.txt stderr.txt tool_output.txt; do ln -sf "$PWD/victim.txt" "$ATTRACTOR_STAGE_DIR/$f"; done; exit 1; fi\necho second attempt\n',
    });
    const { code, stderr, read } = await run(`digraph Links {
      start [shape=Mdiamond]
      exit  [shape=Msquare]
      plant [shape=parallelogram, tool_command="sh plant.sh", max_retries=1]
      start -> plant -> exit
    }`);
    expect(code, stderr).toBe(0);
    expect(readFileSync(join(ws.dir, 'victim.txt'), 'utf8')).toBe('untouched\n');
    expect(read('plant', 'stdout.txt')).toBe('second attempt\n');
    expect(read('plant', 'tool_output.txt')).toContain('second attempt');
  });
});
