import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, spawnCli } from './helpers/spawn-cli.js';

// The CLI's human-task commands queue their notices in the outbox (issue 10); `orchestra
// notifications` lists them. No daemon runs here, so they stay pending.
const dir = mkdtempSync(join(tmpdir(), 'orchestra-human-notices-'));
const home = join(dir, 'home');

async function cli(...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = spawnCli(argv, { cwd: dir, home, env: { ORCHESTRA_USER: 'root', ORCHESTRA_TENANT: '' } });
  const { code } = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

beforeAll(() => {
  assertBuilt();
  writeFileSync(join(dir, 'orchestra.yaml'), `people:
  users: { ann: { email: ann@example.com }, root: {} }
  groups: { approvers: [ann], others: [root] }
  admins: [root]
notifications:
  channels:
    ops: { type: webhook, url_env: OPS_URL, secret_env: OPS_SECRET }
  route:
    - { events: [created], groups: [approvers], channels: [ops] }
    - { events: [completed], channels: [inbox] }
`);
  writeFileSync(join(dir, 'form.yaml'), 'ok: { type: boolean, required: true }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('orchestra human-task commands queue notices', () => {
  it('issue 10: create for a routed group queues created→ops, answer queues completed→inbox, an unrouted group queues nothing', async () => {
    const created = await cli('human-task', 'create', '--title', 'Ship it?', '--form', 'form.yaml', '--assign', 'group:approvers', '--json');
    expect(created.stderr).toBe('');
    const { id } = JSON.parse(created.stdout) as { id: string };
    const answered = await cli('answer', id, 'ok=true');
    expect(answered.code, answered.stderr).toBe(0);
    await cli('human-task', 'create', '--title', 'Quiet', '--form', 'form.yaml', '--assign', 'group:others', '--json');
    const listed = await cli('notifications', '--json');
    const { deliveries } = JSON.parse(listed.stdout) as { deliveries: Array<{ event: string; channel: string; taskId: string; status: string }> };
    expect(deliveries.map((d) => `${d.event}→${d.channel}:${d.taskId === id}:${d.status}`).sort()).toEqual(['completed→inbox:true:pending', 'created→ops:true:pending']);
  });
});
