import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, runCli, type Workspace } from './testing/run-cli.js';

let ws: Workspace;
beforeEach(() => {
  ws = createWorkspace();
});
afterEach(() => ws.remove());

const cli = (argv: string[], env: Record<string, string> = {}) => runCli(argv, { cwd: ws.dir, home: ws.home, env });

describe('main', () => {
  it('prints help on stdout for --help, exit 0', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: orchestra \[options\] \[command\]/);
    for (const command of ['compile', 'run', 'runs', 'status', 'resume', 'replay', 'attach', 'new', 'start', 'merge', 'daemon']) expect(result.stdout).toContain(`  ${command} `);
    expect(result.stderr).toBe('');
  });

  it('prints a command help', async () => {
    const result = await cli(['run', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: orchestra run [options] <file> [variables...]');
    expect(result.stdout).toContain('--auto-approve');
  });

  it('prints help on stderr and exits 2 without a command', async () => {
    const result = await cli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: orchestra/);
  });

  it('prints the version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it.each([
    [['statsu'], "error[E_USAGE]: unknown command 'statsu'\n  hint: Did you mean status? See `orchestra --help`.\n"],
    [['runs', '--bogus'], "error[E_USAGE]: unknown option '--bogus'\n  hint: See `orchestra runs --help`.\n"],
    [['run'], "error[E_USAGE]: missing required argument 'file'\n  hint: See `orchestra run --help`.\n"],
    [['run', 'x.dot', '--logs'], "error[E_USAGE]: option '--logs <dir>' argument missing\n  hint: See `orchestra run --help`.\n"],
    [['runs', 'a', 'b'], "error[E_USAGE]: too many arguments for 'runs'. Expected 1 argument but got 2.\n  hint: See `orchestra runs --help`.\n"],
  ])('%j is a usage error (exit 2)', async (argv, stderr) => {
    expect(await cli(argv)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('colours errors only when asked to (FORCE_COLOR; the captured streams are not terminals)', async () => {
    expect((await cli(['statsu'])).stderr).not.toContain('\u001b[');
    expect((await cli(['statsu'], { FORCE_COLOR: '1' })).stderr).toContain('\u001b[31m');
    expect((await cli(['statsu'], { FORCE_COLOR: '1', NO_COLOR: '1' })).stderr).not.toContain('\u001b[');
  });
});
