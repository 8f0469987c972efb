import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pty from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath, spawnCli } from './helpers/spawn-cli.js';

// Human tasks end to end through the real binary (issue 10): people in orchestra.yaml, a form from
// a file, the inbox, answers from two processes at once, and the bad inputs the issue lists.
const dir = mkdtempSync(join(tmpdir(), 'orchestra-human-tasks-'));
const home = join(dir, 'home');
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

async function cli(user: string, ...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = spawnCli(argv, { cwd: dir, home, env: { ORCHESTRA_USER: user, ORCHESTRA_TENANT: '' } });
  const { code } = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

async function create(title: string, ...extra: string[]): Promise<string> {
  const result = await cli('root', 'human-task', 'create', '--title', title, '--form', 'approval.yaml', '--json', ...extra);
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { id: string }).id;
}

beforeAll(() => {
  assertBuilt();
  write('orchestra.yaml', `people:
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
  write('approval.yaml', `decision:
  type: select
  required: true
  options:
    - { value: approve, label: Approve }
    - { value: reject, label: Reject }
risk:
  type: number
  min: 0
  max: 10
comment:
  type: textarea
`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('orchestra inbox / answer / claim / release / reassign', () => {
  it('issue 10: a task assigned to a group shows in its members\' inboxes, overdue first, and the answer is recorded', async () => {
    const later = await create('Approve release 1.4.0', '--assign', 'group:release-approvers', '--sla', '2h', '--context', '{"version":"1.4.0"}');
    const overdue = await create('Approve hotfix', '--assign', 'group:release-approvers', '--sla', '1ms', '--priority', 'urgent');
    const inbox = await cli('ann', 'inbox');
    expect(inbox.code).toBe(0);
    const lines = inbox.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+PRIORITY\s+STATUS\s+DUE\s+ASSIGNED TO\s+TITLE$/);
    expect(lines.findIndex((line) => line.startsWith(overdue))).toBeLessThan(lines.findIndex((line) => line.startsWith(later)));
    expect(lines.find((line) => line.startsWith(overdue))).toMatch(/urgent\s+open\s+overdue \S+\s+group:release-approvers\s+Approve hotfix$/);
    expect((await cli('cy', 'inbox')).stdout).not.toContain(later);

    const show = await cli('bob', 'inbox', 'show', later);
    expect(show.stdout).toContain('  decision: select, required\n      approve  Approve\n      reject  Reject\n  risk: number, min 0, max 10\n  comment: textarea\n');
    expect(show.stdout).toContain('"version": "1.4.0"');

    const answered = await cli('bob', 'answer', later, 'decision=approve', 'risk=3', 'comment=Changelog reviewed');
    expect(answered).toMatchObject({ code: 0, stdout: `answered ${later} (Approve release 1.4.0) as bob\n`, stderr: '' });
    const stored = JSON.parse((await cli('ann', 'inbox', 'show', later, '--json')).stdout) as Record<string, unknown>;
    expect(stored).toMatchObject({ status: 'completed', answeredBy: 'bob', answer: { decision: 'approve', risk: 3, comment: 'Changelog reviewed' } });
    expect((await cli('ann', 'inbox')).stdout).not.toContain(later);
  });

  it('issue 10: claim keeps others out until release; reassign moves the task to another group', async () => {
    const id = await create('Review contract', '--assign', 'group:release-approvers');
    expect((await cli('ann', 'claim', id)).stdout).toBe(`claimed ${id}: it waits for ann alone\n`);
    const blocked = await cli('bob', 'answer', id, '--json', '{"decision":"reject"}');
    expect(blocked.code).toBe(4);
    expect(blocked.stderr).toContain(`error[E_HUMAN_TASK_STATE]: cannot answer human task "${id}": it is claimed by ann`);
    expect((await cli('bob', 'release', id)).stderr).toContain('error[E_NOT_ELIGIBLE]: bob may not release');
    expect((await cli('ann', 'release', id)).code).toBe(0);
    expect((await cli('bob', 'reassign', id, '--to', 'group:support')).stdout).toBe(`reassigned ${id} to group:support\n`);
    expect((await cli('cy', 'inbox')).stdout).toContain(id);
    const outsider = await cli('ann', 'answer', id, 'decision=approve');
    expect(outsider.code).toBe(4);
    expect(outsider.stderr).toContain(`error[E_NOT_ELIGIBLE]: ann may not answer human task "${id}": it is assigned to group:support`);
  });

  it('issue 10: two processes answering at the same moment: one wins, the other gets E_HUMAN_TASK_STATE', async () => {
    const id = await create('Race', '--assign', 'group:release-approvers');
    const [ann, bob] = await Promise.all([cli('ann', 'answer', id, 'decision=approve'), cli('bob', 'answer', id, 'decision=reject')]);
    const codes = [ann.code, bob.code].sort();
    expect(codes).toEqual([0, 4]);
    const loser = ann.code === 4 ? ann : bob;
    expect(loser.stderr).toMatch(new RegExp(`error\\[E_HUMAN_TASK_STATE\\]: cannot answer human task "${id}": it was already answered by (ann|bob)`));
    const stored = JSON.parse((await cli('root', 'inbox', 'show', id, '--json')).stdout) as { answeredBy: string; answer: { decision: string }; history: unknown[] };
    expect(stored.answeredBy).toBe(ann.code === 0 ? 'ann' : 'bob');
    expect(stored.answer.decision).toBe(ann.code === 0 ? 'approve' : 'reject');
    expect(stored.history).toHaveLength(2);
  });

  it('issue 10: tenants do not see each other: another tenant gets not-found, as for a missing id', async () => {
    const id = await create('Acme only', '--tenant', 'acme');
    expect((await cli('ann', 'inbox', '--all')).stdout).not.toContain(id);
    const other = await cli('root', 'inbox', 'show', id);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain(`error[E_HUMAN_TASK_NOT_FOUND]: human task "${id}" does not exist`);
    const viaEnv = spawnCli(['inbox', '--all', '--json'], { cwd: dir, home, env: { ORCHESTRA_USER: 'root', ORCHESTRA_TENANT: 'acme' } });
    await viaEnv.exited;
    expect((JSON.parse(viaEnv.stdout()) as { tasks: Array<{ id: string }> }).tasks.map((task) => task.id)).toEqual([id]);
  });
});

describe('human tasks: bad input', () => {
  it('issue 10: an answer of the wrong type names the field, exits 2 and leaves the task open', async () => {
    const id = await create('Typed');
    const wrong = await cli('ann', 'answer', id, 'decision=approve', 'risk=high');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('error[E_FORM_INVALID]: the answer is invalid: risk: expected a number, got "high" (string)\n  hint: `orchestra inbox show ID` shows each field with its type and options.\n');
    const several = await cli('ann', 'answer', id, '--json', '{"decision":"maybe","risk":11}');
    expect(several.stderr).toContain('error[E_FORM_INVALID]: the answer has 2 problems\n  - decision: expected one of "approve", "reject", got "maybe" (string)\n  - risk: must be at most 10\n');
    expect((JSON.parse((await cli('ann', 'inbox', 'show', id, '--json')).stdout) as { status: string }).status).toBe('open');
  });

  it('issue 10: an answer to a completed or cancelled task is refused with E_HUMAN_TASK_STATE', async () => {
    const done = await create('Done');
    expect((await cli('ann', 'answer', done, 'decision=approve')).code).toBe(0);
    const again = await cli('bob', 'answer', done, 'decision=reject');
    expect(again).toMatchObject({ code: 4 });
    expect(again.stderr).toContain(`cannot answer human task "${done}": it was already answered by ann`);
    const dropped = await create('Dropped');
    expect((await cli('root', 'human-task', 'cancel', dropped, '--reason', 'not needed')).stdout).toBe(`cancelled ${dropped}\n`);
    expect((await cli('ann', 'answer', dropped, 'decision=approve')).stderr).toContain(`cannot answer human task "${dropped}": it is cancelled`);
  });

  it('issue 10: an unknown group, an unknown user and an unknown acting user are named', async () => {
    const group = await cli('root', 'human-task', 'create', '--title', 'x', '--form', 'approval.yaml', '--assign', 'group:release-aprovers');
    expect(group.code).toBe(2);
    expect(group.stderr).toContain('error[E_UNKNOWN_PERSON]: assignee: unknown group "release-aprovers". Did you mean "release-approvers"? Known groups: release-approvers, support.');
    expect((await cli('root', 'inbox', '--group', 'ops')).stderr).toContain('error[E_UNKNOWN_PERSON]: --group: unknown group "ops".');
    expect((await cli('carol', 'inbox')).stderr).toContain('error[E_UNKNOWN_PERSON]: ORCHESTRA_USER: unknown user "carol".');
    expect((await cli('root', 'inbox', '--all', '--json')).stdout).not.toContain('"title":"x"');
  });

  it('issue 10: a bad form file is reported at its file, line and column', async () => {
    write('bad-form.yaml', 'decision:\n  type: select\n  required: true\ncomment:\n  type: essay\n');
    const bad = await cli('root', 'human-task', 'create', '--title', 'x', '--form', 'bad-form.yaml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'error[E_FORM_INVALID]: the form has 2 problems\n' +
        '  --> bad-form.yaml:2:3\n' +
        '  - decision.options: a select field needs options: a list of { value, label }\n' +
        '  - comment.type: unknown field type "essay" (expected one of text, textarea, number, boolean, select, multiselect, date, email, url)\n' +
        '  2 |   type: select\n' +
        '    |   ^\n' +
        '  hint: docs/human-tasks.md#forms lists the field types and their keys.\n',
    );
    write('bad-type.yaml', 'comment:\n  type: essay\n');
    expect((await cli('root', 'human-task', 'create', '--title', 'x', '--form', 'bad-type.yaml')).stderr).toContain('--> bad-type.yaml:2:9\n');
    write('bad-syntax.json', '{ "decision": { "type": "select", }');
    const syntax = await cli('root', 'human-task', 'create', '--title', 'x', '--form', 'bad-syntax.json');
    expect(syntax.stderr).toMatch(/^error\[E_FORM_INVALID\]: the form file is not valid YAML or JSON: .*\n {2}--> bad-syntax\.json:1:\d+\n/);
  });
});

describe('orchestra answer in a terminal', () => {
  it('issue 10: with no values it asks field by field, explaining a bad value and asking again', async () => {
    const id = await create('Asked at the prompt');
    const term = pty.spawn(process.execPath, [binPath, 'answer', id], { cwd: dir, env: { ...process.env, ORCHESTRA_HOME: home, ORCHESTRA_USER: 'ann', NO_COLOR: '1' }, cols: 200, rows: 40 });
    let screen = '';
    const waiters = new Set<() => void>();
    term.onData((data) => {
      screen += data;
      for (const waiter of [...waiters]) waiter();
    });
    const exited = new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
    // Waits until the output holds `text` `count` times (a prompt asked again shows it again).
    const waitFor = (text: string, count = 1) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${JSON.stringify(text)} x${count} in:\n${screen}`)), 20_000);
        const check = () => {
          if (screen.split(text).length - 1 < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      });
    await waitFor('decision> ');
    term.write('maybe\r');
    await waitFor('expected one of "approve", "reject", got "maybe" (string)');
    await waitFor('decision> ', 2);
    term.write('approve\r');
    await waitFor('risk> ');
    term.write('11\r');
    await waitFor('must be at most 10');
    await waitFor('risk> ', 2);
    term.write('4\r');
    await waitFor('comment> ');
    term.write('\r');
    expect(await exited).toBe(0);
    expect(screen).toContain(`answered ${id} (Asked at the prompt) as ann`);
    const stored = JSON.parse((await cli('ann', 'inbox', 'show', id, '--json')).stdout) as { answer: unknown };
    expect(stored.answer).toEqual({ decision: 'approve', risk: 4 });
  });
});
