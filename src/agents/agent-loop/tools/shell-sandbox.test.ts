import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bubblewrapArgs, probeBubblewrap } from './shell-sandbox.js';
import { shellTool } from './shell-tool.js';

// The part that runs commands needs a bubblewrap that can start here (installed, user namespaces
// allowed); .ci/run installs it. Where it cannot, only those tests are skipped.
const bwrapWorks = spawnSync('bwrap', ['--ro-bind', '/', '/', '--unshare-all', '--die-with-parent', 'true']).status === 0;
const exists = (path: string) => stat(path).then(() => true, () => false);

describe('bubblewrapArgs', () => {
  it.each<[string, string | undefined, boolean]>([
    ['/home/u/project', '/home/u', true],
    ['/home/u/project', undefined, false],
    ['/home/u/project', '/', false],
    ['/home/u', '/home/u/project', false],
  ])('work %s, HOME %s: home hidden %s', (work, home, hidden) => {
    const args = bubblewrapArgs(work, home);
    expect(args.slice(0, 3)).toEqual(['--ro-bind', '/', '/']);
    expect(args.join(' ')).toContain(`--bind ${work} ${work} --chdir ${work}`);
    expect(args).toContain('--unshare-all');
    expect(args.some((arg, i) => arg === '--tmpfs' && args[i + 1] === home)).toBe(hidden);
    // The working directory is bound after the hidden home, so it shows through when inside it.
    if (hidden) expect(args.indexOf(home!)).toBeLessThan(args.indexOf(work));
  });
});

describe('issue 8.4: agent.shell_sandbox: bubblewrap', () => {
  let root: string;
  let work: string;
  let server: Server | undefined;
  // Outside /tmp and the home, which the sandbox replaces with empty ones: the real filesystem.
  const varProbe = `/var/tmp/orchestra-sandbox-${process.pid}`;
  beforeEach(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'orchestra-sandbox-')));
    work = join(root, 'home', 'project');
    await mkdir(work, { recursive: true });
  });
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
    await rm(varProbe, { force: true });
    await rm(root, { recursive: true, force: true });
  });
  const context = () => ({ workDir: work, signal: new AbortController().signal, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: join(root, 'home') }, sandbox: 'bubblewrap' as const });

  it.skipIf(!bwrapWorks)('the working directory is writable; outside it nothing is, and the network is not there', { timeout: 30_000 }, async () => {
    server = createServer((socket) => socket.end('reached'));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const command = [
      'echo inside > inside.txt',
      `echo outside > ${join(root, 'escaped.txt')}`,
      `echo var > ${varProbe}`,
      `${process.execPath} -e "require('net').connect(${port}, '127.0.0.1').on('data', (d) => console.log(String(d))).on('error', (e) => console.log('no network: ' + e.code))"`,
    ].join('; ');
    const output = await shellTool({ command }, context());
    expect(await exists(join(work, 'inside.txt'))).toBe(true);
    expect(await exists(join(root, 'escaped.txt'))).toBe(false);
    expect(await exists(varProbe)).toBe(false);
    expect(output).toContain('Read-only file system');
    expect(output).toContain('no network: ');
    expect(output).not.toContain('reached');
  });

  it.skipIf(!bwrapWorks)('the bubblewrap check passes where bwrap works', async () => {
    await expect(probeBubblewrap({ PATH: process.env.PATH })).resolves.toBeUndefined();
  });

  it('without bwrap on PATH the setting is a clear error, not an unconfined shell', async () => {
    await expect(probeBubblewrap({ PATH: join(root, 'no-bin') })).rejects.toMatchObject({
      code: 'E_CONFIG',
      message: 'agent.shell_sandbox is bubblewrap, but bwrap was not found on PATH.',
    });
  });
});
