import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnInPty } from '../support/pty-driver.js';
import { assertBuilt, binPath } from './helpers/spawn-cli.js';

const escape = String.fromCharCode(27);
let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'orchestra-single-line-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A real terminal: the CLI sees a TTY on stdout, as a user's shell gives it.
describe('issue 9: run --single-line in a terminal', () => {
  it('issue 9: rewrites one line with \\r and erase-line, shows a slow node live with its elapsed time, and ends with the result on its own line', async () => {
    writeFileSync(join(dir, 'slow.dot'), 'digraph Slow {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  wait [shape=parallelogram, tool_command="sleep 2.5"]\n  plan [prompt="Plan"]\n  start -> wait -> plan -> exit\n}\n');
    const term = spawnInPty(process.execPath, [binPath, 'run', 'slow.dot', '--simulate', '--auto-approve', '--single-line'], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: dir, ORCHESTRA_HOME: join(dir, 'home'), NO_COLOR: '1', TERM: 'xterm-256color' },
    });
    try {
      const live = await term.waitFor(/⋯ wait [12]s/, { timeoutMs: 30_000 });
      expect(live).toMatch(new RegExp(`${escape}\\[2K[^\\n]*⋯ wait [12]s`));
      const all = await term.waitFor(/Run \w+ completed \(success\)[^\n]*\n/, { timeoutMs: 30_000 });
      expect((await term.exited).exitCode).toBe(0);
      // Everything before the result line was rewritten in place: no line ended in between.
      const beforeResult = all.slice(0, all.indexOf('✓ Run '));
      expect(beforeResult).not.toMatch(/\n/);
      expect(beforeResult).toContain('\r\x1b[2K✓ wait  success');
      expect(beforeResult).toContain('\r\x1b[2K✓ plan  success');
    } finally {
      term.kill();
    }
  });
});
