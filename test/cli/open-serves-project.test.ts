import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

// `orchestra open` from a project serves it (issue 15): the dashboard's editor, board and agents
// pages list the served projects, so a user who has only run pipelines there finds their project.

let root: string;
const env = { ORCHESTRA_HTTP_PORT: '0' };

beforeAll(() => assertBuilt());
afterEach(async () => {
  await runBin(['daemon', 'stop'], { cwd: root, home: join(root, 'home'), env });
  rmSync(root, { recursive: true, force: true });
});

describe('orchestra open', () => {
  it('issue 15: opened from a git project, the daemon serves that project (GET /projects names it); from elsewhere it serves none', async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-open-')));
    const [home, project, elsewhere] = ['home', 'project', 'elsewhere'].map((name) => join(root, name)) as [string, string, string];
    for (const dir of [project, elsewhere]) mkdirSync(dir);
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: project });

    const fromElsewhere = await runBin(['open', '--print'], { cwd: elsewhere, home, env });
    expect(fromElsewhere.code, fromElsewhere.stderr).toBe(0);
    const projects = async (link: string): Promise<string[]> => {
      const login = await fetch(link, { redirect: 'manual' });
      expect(login.status).toBe(303);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const answer = await fetch(new URL('/projects', link), { headers: { cookie } });
      return ((await answer.json()) as { projects: string[] }).projects;
    };
    expect(await projects(fromElsewhere.stdout.trim())).toEqual([]);

    const fromProject = await runBin(['open', '--print'], { cwd: project, home, env });
    expect(fromProject.code, fromProject.stderr).toBe(0);
    expect(await projects(fromProject.stdout.trim())).toEqual([project]);
  });
});
