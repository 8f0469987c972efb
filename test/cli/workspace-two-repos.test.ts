import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

// Real parts (issue 14): the built CLI, two real git repositories, a temp ORCHESTRA_HOME.
let ws: Workspace;
const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

function repo(name: string): string {
  const dir = join(ws.dir, name);
  mkdirSync(dir);
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'config', 'user.name', 'Test');
  git(dir, 'config', 'user.email', 'test@example.com');
  writeFileSync(join(dir, 'README.md'), `${name}\n`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'initial');
  return dir;
}

/** Every file named `name` under `dir`, at any depth. */
function findFiles(dir: string, name: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith(`/${name}`)).map((path) => join(dir, path));
}

beforeEach(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-ws-two-');
});
afterEach(() => ws.remove());

describe('issue 14: two repositories in one run', () => {
  it('a session branch in each; nodes work in the primary one; tools and prompts get every repo\'s worktree', async () => {
    const api = repo('api');
    const web = repo('web');
    ws.write('orchestra.yaml', 'workspace:\n  repos:\n    api:\n      path: api\n      push: never\n    web:\n      path: web\n      push: never\n      primary: true\n');
    ws.write('two.dot', `digraph Two {
  start [shape=Mdiamond]
  exit  [shape=Msquare]
  build [shape=parallelogram, tool_command="echo api > $ORCHESTRA_WORKSPACE_API/api.txt; echo web > web.txt; pwd > cwd.txt"]
  plan  [prompt="Change the API in $workspace.api and the site in $workspace.web"]
  start -> build -> plan -> exit
}
`);
    const run = await runBin(['run', 'two.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home });
    expect(run.code, run.stderr).toBe(0);
    const events = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; runId: string; repos?: Record<string, { branch: string; path: string }> });
    const { runId } = events[0]!;
    const repos = events.find((event) => event.type === 'workspace.opened')!.repos!;
    expect(Object.keys(repos).sort()).toEqual(['api', 'web']);

    // Each repo's session branch holds exactly what the node wrote in it.
    const filesOn = (dir: string) => git(dir, 'diff', '--name-only', `main..orchestra/Two/${runId}`).split('\n').sort();
    expect(filesOn(api)).toEqual(['api.txt']);
    expect(filesOn(web)).toEqual(['cwd.txt', 'web.txt']);
    // The tool ran in the primary repo's worktree, not in the folder of the DOT file.
    expect(readFileSync(join(repos.web!.path, 'cwd.txt'), 'utf8').trim()).toBe(repos.web!.path);
    // The prompt named both worktrees.
    const prompts = [...findFiles(ws.dir, 'prompt.md'), ...findFiles(ws.home, 'prompt.md')].map((file) => readFileSync(file, 'utf8'));
    expect(prompts.find((text) => text.includes('Change the API'))).toBe(`Change the API in ${repos.api!.path} and the site in ${repos.web!.path}`);
    // The users' checkouts are as they were.
    for (const dir of [api, web]) expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
