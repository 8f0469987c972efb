import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservedVariableRules } from '../../src/core/index.js';
import { assertBuilt, spawnCli } from './helpers/spawn-cli.js';

// Issue 8.6: run variables become environment variables of tool commands; a name such as PATH or
// LD_PRELOAD would change what those commands run, so `orchestra run` refuses it before anything
// is stored or started.
let dir: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'orchestra-reserved-'));
  writeFileSync(join(dir, 'tool.dot'), 'digraph T {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  mark [shape=parallelogram, tool_command="touch ran"]\n  start -> mark -> exit\n}\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('issue 8.6: reserved run variable names', () => {
  it.each(['PATH=/tmp/evil', 'LD_PRELOAD=/tmp/evil.so', 'NODE_OPTIONS=--require=/tmp/evil.js', 'HOME=/tmp/evil', 'ORCHESTRA_HOME=/tmp/evil'])('issue 8.6: orchestra run refuses %s', async (variable) => {
    const home = join(dir, `home-${variable.split('=')[0]}`);
    const cli = spawnCli(['run', 'tool.dot', 'title=fine', variable, '--simulate'], { cwd: dir, home });
    const { code } = await cli.exited;
    const name = variable.split('=')[0] as string;
    expect(code).toBe(2);
    expect(cli.stderr()).toContain(`error[E_VARIABLE]: Run variable "${name}" has a reserved name`);
    expect(cli.stderr()).toContain(`run_${name.toLowerCase()}=`);
    expect(cli.stderr()).toContain('docs/cli.md');
    expect(existsSync(join(dir, 'ran'))).toBe(false);
    expect(existsSync(join(home, 'runs'))).toBe(false);
    expect(existsSync(join(home, 'orchestra.db'))).toBe(false);
  });

  it('issue 8.6: an ordinary lowercase name such as path is a run variable like any other', async () => {
    const home = join(dir, 'home-ok');
    const cli = spawnCli(['run', 'tool.dot', 'path=src', '--quiet'], { cwd: dir, home });
    const { code } = await cli.exited;
    expect(cli.stderr()).toBe('');
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'ran'))).toBe(true);
  });

  it('issue 8.6: docs/cli.md lists every reserved name', () => {
    const docs = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');
    const missing = reservedVariableRules.map((rule) => rule.pattern).filter((pattern) => !docs.includes(`\`${pattern}\``));
    expect(missing).toEqual([]);
  });
});
