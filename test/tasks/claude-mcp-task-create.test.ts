import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { daemonPaths } from '../../src/server/daemon/index.js';
import { startFakeModelServer, type FakeModelServer, type RecordedRequest, type StaticTurn } from '../support/fake-model-server/index.js';
import { claudeBin as claude, claudeWithOrchestra, runClaude as run } from '../support/claude-with-orchestra.js';
import { TaskProject } from '../support/task-project.js';

// The real Claude Code CLI with Orchestra's MCP server (--mcp-config: `orchestra mcp`, relaying to
// the project's daemon on 127.0.0.1, HTTP on port 0), pointed at the fake model server, which
// answers with a call of Orchestra's task_create tool: the task file appears in .orchestra/tasks/.
const tool = 'mcp__orchestra__task_create';

let project: TaskProject | undefined;
let server: FakeModelServer | undefined;
afterEach(async () => {
  await project?.cleanup();
  await server?.close();
  project = undefined;
  server = undefined;
});

const toolsOf = (request: RecordedRequest) => (request.body as { tools?: Array<{ name: string }> } | undefined)?.tools ?? [];
const lastMessage = (request: RecordedRequest) => JSON.stringify((request.body as { messages?: unknown[] } | undefined)?.messages?.at(-1) ?? {});

describe.skipIf(!existsSync(claude))('issue 12: the real Claude Code CLI with Orchestra\'s MCP server', () => {
  it('issue 12: the model calls task_create through `orchestra mcp`: the task file appears in .orchestra/tasks/', { timeout: 150_000 }, async () => {
    project = new TaskProject();
    const p = project;
    // Plays the model: the main turn (offering Orchestra's tools) calls task_create; its result gets a last word.
    server = await startFakeModelServer({
      fallback: (request): StaticTurn => {
        if (!toolsOf(request).some((offered) => offered.name === tool)) return { text: 'ok' };
        if (lastMessage(request).includes('"tool_result"')) return { text: 'Created the sub-task.' };
        return { text: 'Creating a sub-task.', toolCalls: [{ name: tool, input: { project: p.project, slug: 'from-claude', description: 'Made by Claude through MCP.' } }] };
      },
    });
    const { config, env } = await claudeWithOrchestra(p, server);

    const result = await run(['-p', 'Split this work: create a sub-task.', '--mcp-config', config, '--allowedTools', tool, '--output-format', 'json', '--model', 'claude-fake'], p.project, env);

    const files = existsSync(join(p.project, '.orchestra/tasks')) ? readdirSync(join(p.project, '.orchestra/tasks')).filter((file) => file.endsWith('.md')) : [];
    const diagnostics = `claude exit ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}\nrequests: ${server.requests.map((request) => `${request.path} tools:${toolsOf(request).map((offered) => offered.name).join(",")} ${lastMessage(request).slice(0, 300)}`).join('\n')}\ndaemon log: ${existsSync(daemonPaths(p.home).logFile) ? readFileSync(daemonPaths(p.home).logFile, 'utf8').slice(-2000) : ''}`;
    expect(files, diagnostics).toEqual(['1:from-claude.md']);
    expect(readFileSync(join(p.project, '.orchestra/tasks', files[0]!), 'utf8')).toContain('Made by Claude through MCP.');
    // Claude sent the tool's result back to the model: the task as Orchestra stored it.
    const answered = server.requests.find((request) => lastMessage(request).includes('"tool_result"'));
    expect(answered !== undefined && lastMessage(answered).includes('from-claude'), diagnostics).toBe(true);
    expect(result.code, diagnostics).toBe(0);
    expect((JSON.parse(result.stdout) as { result: string }).result).toBe('Created the sub-task.');
    expect((await p.task('from-claude')).status).toBe('draft');
  });

  it('issue 12: --permission-prompt-tool approval_prompt: the Bash call waits for a person, who allows it with an edited command, which Claude runs', { timeout: 150_000 }, async () => {
    project = new TaskProject();
    const p = project;
    server = await startFakeModelServer({
      fallback: (request): StaticTurn => {
        if (!toolsOf(request).some((offered) => offered.name === 'Bash')) return { text: 'ok' };
        if (lastMessage(request).includes('"tool_result"')) return { text: 'The build ran.' };
        return { text: 'Running the build.', toolCalls: [{ name: 'Bash', input: { command: 'echo asked > build-output.txt', description: 'Build' } }] };
      },
    });
    const { config, env } = await claudeWithOrchestra(p, server);
    const claudeRun = run(['-p', 'Run the build.', '--mcp-config', config, '--permission-prompt-tool', 'mcp__orchestra__approval_prompt', '--output-format', 'json', '--model', 'claude-fake'], p.project, env);

    // The permission request is a human task in the inbox, with the tool and its input as context.
    let id = '';
    await expect
      .poll(async () => {
        const inbox = JSON.parse((await p.bin(['inbox', '--all', '--json'])).stdout || '{"tasks":[]}') as { tasks: Array<{ id: string; context: Record<string, unknown> }> };
        const task = inbox.tasks.find((candidate) => candidate.context.tool_name === 'Bash');
        if (task !== undefined) {
          expect(task.context.input).toMatchObject({ command: 'echo asked > build-output.txt' });
          id = task.id;
        }
        return id;
      }, { timeout: 60_000 })
      .not.toBe('');
    const answered = await p.bin(['answer', id, '--json', JSON.stringify({ decision: 'allow', input: JSON.stringify({ command: 'echo edited > build-output.txt', description: 'Build' }) })]);
    expect(answered.stderr).toBe('');
    expect(answered.code).toBe(0);

    const result = await claudeRun;
    const diagnostics = `claude exit ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`;
    expect(result.code, diagnostics).toBe(0);
    expect(readFileSync(join(p.project, 'build-output.txt'), 'utf8'), diagnostics).toBe('edited\n');
    expect((JSON.parse(result.stdout) as { result: string; permission_denials: unknown[] }).permission_denials).toEqual([]);
  });
});
