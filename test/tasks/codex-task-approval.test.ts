import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attach, callThenAnswer, codexMissing, endCodexTask, startCodexTask, uuidPattern } from '../support/codex-task.js';
import { waitForFile } from '../support/real-agent-env.js';

// Codex's approval question in a task: its PermissionRequest hook makes the task need input, and
// an answer typed through `orchestra attach` lets it go on.
const missing = codexMissing('codex-task-approval.test.ts');
afterEach(async (context) => endCodexTask(context.task.result?.state === 'fail'));

describe.skipIf(missing)('the real Codex CLI as a task, asking for approval', () => {
  it('issue 9: codex asks to run a command outside its sandbox: the hooks say it needs input; approved through attach, it runs it and goes idle', { timeout: 60_000 }, async () => {
    const escalate = { text: 'Running the build.', toolCalls: [{ name: 'exec_command', input: { cmd: "printf 'built\\n' > codex-build.txt", sandbox_permissions: 'require_escalated', justification: 'Run the build?' } }] };
    const { project, worktree, changes, logFile } = await startCodexTask('cx-build', 'Run the build.', callThenAnswer(escalate, 'The build ran.'));

    await waitForFile(logFile, new RegExp(`agent reported [^\\n]*"taskId":1,"activity":"waiting","sessionId":"${uuidPattern}"`), 40_000);
    await expect.poll(() => changes.some((change) => change.kind === 'activity' && change.activity === 'waiting' && change.needsInput === true), { timeout: 10_000 }).toBe(true);
    expect(existsSync(join(worktree, 'codex-build.txt'))).toBe(false);

    const { terminal, screen } = attach(project, 'cx-build');
    await screen.waitFor('Run the build?', 20_000);
    terminal.write('y');
    await screen.waitFor('The build ran.', 20_000);
    terminal.write('\u001d');
    expect((await terminal.exited).exitCode).toBe(0);
    expect(readFileSync(join(worktree, 'codex-build.txt'), 'utf8')).toBe('built\n');
    await waitForFile(logFile, /"activity":"waiting"[^]*"activity":"working"[^]*agent reported [^\n]*"activity":"idle"/, 20_000);
  });
});
