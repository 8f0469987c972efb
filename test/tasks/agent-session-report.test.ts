import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeAgentConfig, TaskProject } from '../support/task-project.js';

let project: TaskProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

const first = '0b7c1c1e-1111-4222-8333-444455556666';
const second = 'a76ca2b3-6978-4531-b32e-62ef7b013387';

describe('issue 8.9: task.report and the agent session id', () => {
  it('refuses ids that are not the agent\'s shape with E_USAGE and keeps the old session', { timeout: 60_000 }, async () => {
    project = new TaskProject();
    expect((await project.bin(['new', 'alpha', '-m', 'a task', '--agent', 'fake'])).code).toBe(0);
    const client = await project.client();
    const report = (sessionId: string) =>
      client.call('task.report', { project: project!.project, taskId: 1, source: 'claude', payload: { hook_event_name: 'Stop', session_id: sessionId } });
    const refusals = [
      // The fake agent declares no shape: the safe rule alone.
      ['--dangerous-flag', 'starts with "-"'],
      ['$(touch /tmp/orchestra-pwned)', 'characters other than letters'],
      ['a'.repeat(5_000), 'characters long'],
      // Then it declares UUIDs, as Claude Code does (orchestra.yaml is read anew for each report).
      ['ses_abc123', 'session_id_pattern'],
    ] as const;
    try {
      expect(await report(first)).toEqual({ ok: true });
      expect((await project.task('alpha')).agentSession).toBe(first);
      for (const [bad, why] of refusals) {
        if (bad === 'ses_abc123') writeFileSync(join(project.project, 'orchestra.yaml'), `${fakeAgentConfig()}      session_id_pattern: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"\n`);
        const refused = await report(bad).then(() => undefined, (error: unknown) => error);
        expect(refused).toMatchObject({ code: 'E_USAGE', message: expect.stringContaining(why) });
        expect((refused as Error).message).toContain('task.report: params.payload: the agent session id');
        expect((await project.task('alpha')).agentSession).toBe(first);
      }
      expect(await report(second)).toEqual({ ok: true });
      expect((await project.task('alpha')).agentSession).toBe(second);
    } finally {
      client.close();
    }
  });
});
