import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, eventually, spawnCli } from './helpers/spawn-cli.js';

// `orchestra inbox` as a new user meets it (issue 10): who "mine" is when only git knows you, what
// each view lists, and an inbox that lists less than it should saying why.
const dir = mkdtempSync(join(tmpdir(), 'orchestra-inbox-'));
const project = join(dir, 'project');
const elsewhere = join(dir, 'elsewhere');
const home = join(dir, 'home');

async function cli(cwd: string, env: Record<string, string>, ...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = spawnCli(argv, { cwd, home, env: { ORCHESTRA_TENANT: '', ORCHESTRA_USER: '', ...env } });
  const { code } = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

async function create(title: string, ...extra: string[]): Promise<string> {
  const result = await cli(project, { ORCHESTRA_USER: 'root' }, 'human-task', 'create', '--title', title, '--form', 'form.yaml', '--json', ...extra);
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { id: string }).id;
}

const idsOf = (stdout: string): string[] => (JSON.parse(stdout) as { tasks: Array<{ id: string }> }).tasks.map((task) => task.id);
const tableIds = (stdout: string): string[] => stdout.trim().split('\n').slice(1).map((line) => line.split(/\s+/)[0] ?? '');

let forGroup: string, overdue: string, forAnn: string, forNobody: string, forSupport: string, claimed: string;

beforeAll(async () => {
  assertBuilt();
  mkdirSync(project);
  mkdirSync(elsewhere);
  execFileSync('git', ['init', '-q'], { cwd: project });
  // ann is known to Orchestra only through git's user.email (no ORCHESTRA_USER).
  execFileSync('git', ['config', 'user.email', 'Ann@Example.com'], { cwd: project });
  writeFileSync(join(project, 'orchestra.yaml'), `people:
  users:
    ann: { name: Ann Lee, email: ann@example.com }
    bob: { name: Bob Roy, email: bob@example.com }
    cy: { email: cy@example.com }
    root: { name: Release Manager }
  groups:
    release-approvers: [ann, bob]
    support: [cy]
  admins: [root]
`);
  writeFileSync(join(project, 'form.yaml'), 'decision:\n  type: select\n  required: true\n  options: [{ value: approve, label: Approve }, { value: reject, label: Reject }]\n');
  forGroup = await create('For the approvers', '--assign', 'group:release-approvers', '--sla', '2h');
  forAnn = await create('For ann', '--assign', 'user:ann', '--sla', '1h');
  forNobody = await create('For anyone');
  forSupport = await create('For support', '--assign', 'group:support', '--sla', '10m');
  claimed = await create('Claimed by bob', '--assign', 'group:release-approvers', '--sla', '3h');
  overdue = await create('Overdue', '--assign', 'group:release-approvers', '--sla', '1s');
  const claim = await cli(project, { ORCHESTRA_USER: 'bob' }, 'claim', claimed);
  expect(claim.code, claim.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('issue 10: orchestra inbox lists what it should', () => {
  it('issue 10: known by git user.email alone, ann sees her group\'s tasks (one claimed by bob), hers and the unassigned, overdue first', async () => {
    const mine = await eventually(async () => {
      const result = await cli(project, {}, 'inbox');
      return result.stdout.includes('overdue') ? result : undefined;
    }, 'the 1s SLA to run out');
    expect(mine.stderr).toBe('');
    expect(tableIds(mine.stdout)).toEqual([overdue, forAnn, forGroup, claimed, forNobody]);
    expect(mine.stdout).toMatch(new RegExp(`${claimed}\\s+normal\\s+claimed by bob`));
    const json = await cli(project, {}, 'inbox', '--mine', '--json');
    expect(idsOf(json.stdout)).toEqual([overdue, forAnn, forGroup, claimed, forNobody]);
  });

  it('issue 10: --group lists one group, --all the whole tenant, both overdue first', async () => {
    const group = await cli(project, {}, 'inbox', '--group', 'release-approvers', '--json');
    expect(idsOf(group.stdout)).toEqual([overdue, forGroup, claimed]);
    const all = await cli(project, { ORCHESTRA_USER: 'cy' }, 'inbox', '--all', '--json');
    expect(idsOf(all.stdout)).toEqual([overdue, forSupport, forAnn, forGroup, claimed, forNobody]);
    const cy = await cli(project, { ORCHESTRA_USER: 'cy@example.com' }, 'inbox');
    expect(tableIds(cy.stdout)).toEqual([forSupport, forNobody]);
  });

  it('issue 10: run where no orchestra.yaml lists people, inbox says how many tasks it cannot list and why', async () => {
    const result = await cli(elsewhere, { ORCHESTRA_USER: 'ann' }, 'inbox');
    expect(result.code).toBe(0);
    expect(tableIds(result.stdout)).toEqual([forAnn, forNobody]);
    expect(result.stderr).toContain(`note: 4 tasks assigned to other users or groups are not listed: no orchestra.yaml was found from ${elsewhere}, so you are "ann" in no group.`);
    expect(result.stderr).toContain('orchestra inbox --all');
  });

  it('issue 10: an empty inbox names whose tasks and which tenant it looked at', async () => {
    const acme = await cli(project, { ORCHESTRA_TENANT: 'acme' }, 'inbox');
    expect(acme).toEqual({ code: 0, stdout: 'No human tasks wait for you (ann) in tenant acme.\n', stderr: '' });
    const group = await cli(project, {}, 'inbox', '--group', 'support', '--tenant', 'acme');
    expect(group.stdout).toBe('No human tasks wait for group support in tenant acme.\n');
    const all = await cli(project, {}, 'inbox', '--all', '--tenant', 'acme');
    expect(all.stdout).toBe('No human tasks wait in tenant acme.\n');
  });
});
