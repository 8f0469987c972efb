import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, killGroup, spawnCli } from './helpers/spawn-cli.js';

/*
 * Inputs that crashed or hung the compiler (issue 8.14): each now fails fast with exit 2, the
 * input-error code, a message naming the file (and line:col where there is one) and the limit.
 */

let dir: string;
let home: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'orchestra-limits-'));
  home = join(dir, 'home');
  const depth = 3_000;
  writeFileSync(join(dir, 'deep.dot'), `digraph Deep {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  start -> exit\n${'{'.repeat(depth)}x${'}'.repeat(depth)}\n}\n`);
  const goal = 'g'.repeat(100_000);
  const prompt = '$goal '.repeat(20_000);
  writeFileSync(join(dir, 'goal.dot'), `digraph Goal {\n  goal="${goal}"\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  work [prompt="${prompt}"]\n  start -> work -> exit\n}\n`);
  execFileSync('mkfifo', [join(dir, 'pipe.dot')]);
  mkdirSync(join(dir, 'folder.dot'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with a deadline: a process still running after it is killed and the test fails. */
async function cliWithin(deadlineMs: number, argv: string[]): Promise<{ code: number | null; stderr: string }> {
  const spawned = spawnCli(argv, { cwd: dir, home });
  spawned.child.stdin?.end();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), deadlineMs)));
  const result = await Promise.race([spawned.exited, deadline]);
  clearTimeout(timer);
  if (result === 'hung') {
    killGroup(spawned.child.pid);
    throw new Error(`orchestra ${argv.join(' ')} still running after ${deadlineMs} ms (stderr: ${spawned.stderr()})`);
  }
  return { code: result.code, stderr: spawned.stderr() };
}

describe.each(['compile', 'run'])('issue 8.14: orchestra %s on inputs that crashed the compiler', (command) => {
  it('3,000 nested braces: E_DOT_SYNTAX at the brace that goes past the nesting limit of 200', async () => {
    const { code, stderr } = await cliWithin(20_000, [command, 'deep.dot']);
    expect(stderr).not.toContain('Unhandled error');
    expect(code).toBe(2);
    expect(stderr).toContain('error[E_DOT_SYNTAX]: Subgraphs nest too deeply: this "{" is at depth 201, more than the limit of 200');
    // The graph's own brace is depth 1, so the 200th brace of line 5 is the 201st.
    expect(stderr).toContain('--> deep.dot:5:200');
  });

  it('20,000 $goal with a 100 KB goal: E_VARIABLE naming the node, its position and the limit', async () => {
    const { code, stderr } = await cliWithin(20_000, [command, 'goal.dot']);
    expect(stderr).not.toContain('Unhandled error');
    expect(code).toBe(2);
    expect(stderr).toContain('error[E_VARIABLE]: The prompt of node "work" expands to more than 1048576 characters (the limit for expanded text).');
    expect(stderr).toContain('--> goal.dot:5:9');
  });

  it('a FIFO fails fast with E_FILE_READ instead of waiting for a writer', async () => {
    const { code, stderr } = await cliWithin(10_000, [command, 'pipe.dot']);
    expect(code).toBe(2);
    expect(stderr).toContain(`error[E_FILE_READ]: Cannot read pipeline ${join(dir, 'pipe.dot')}: it is a FIFO (named pipe), not a regular file.`);
  });

  it('a directory: E_FILE_READ naming it', async () => {
    const { code, stderr } = await cliWithin(10_000, [command, 'folder.dot']);
    expect(code).toBe(2);
    expect(stderr).toContain(`error[E_FILE_READ]: Cannot read pipeline ${join(dir, 'folder.dot')}: it is a directory, not a regular file.`);
  });

  it('a device: E_FILE_READ, nothing read', async () => {
    const { code, stderr } = await cliWithin(10_000, [command, '/dev/zero']);
    expect(code).toBe(2);
    expect(stderr).toContain('error[E_FILE_READ]: Cannot read pipeline /dev/zero: it is a device, not a regular file.');
  });
});
