import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { worktreePathFor } from '../../src/workspace/worktree-path.js';
import type { FakeModelServer, RecordedRequest } from './fake-model-server/index.js';
import type { TaskProject } from './task-project.js';

/** Where npm put the real agent CLIs (claude, opencode); a test skips when its binary is missing. */
export const agentBinDir = resolve(import.meta.dirname, '../../node_modules/.bin');

const apiKey = 'test-key-for-the-fake-server';

export interface ClaudeEnvironment {
  /** What the daemon, and so the agent, must see: PATH, HOME, CLAUDE_CONFIG_DIR, ANTHROPIC_*. */
  env: Record<string, string>;
  configDir: string;
  /** The worktree task 1 with `slug` gets (known before the start). */
  worktree: string;
}

/**
 * Claude Code's TUI run unattended against `server` for task 1 of `project`: its own HOME and
 * CLAUDE_CONFIG_DIR, and a `.claude.json` that skips onboarding and the API-key question (see
 * /work/shared/notes/agent-clis.md). The trust dialog of the task's worktree is the daemon's to skip.
 */
export function claudeEnvironment(project: TaskProject, server: FakeModelServer, slug: string): ClaudeEnvironment {
  const home = join(project.root, 'claude-home');
  const configDir = join(home, '.claude');
  mkdirSync(configDir, { recursive: true });
  const worktree = taskWorktree(project, 1, slug);
  const preSeed = {
    hasCompletedOnboarding: true,
    theme: 'dark',
    customApiKeyResponses: { approved: [apiKey.slice(-20)], rejected: [] },
  };
  writeFileSync(join(configDir, '.claude.json'), JSON.stringify(preSeed));
  const env = {
    PATH: `${agentBinDir}:${process.env.PATH ?? ''}`,
    HOME: home,
    CLAUDE_CONFIG_DIR: configDir,
    ANTHROPIC_BASE_URL: server.url,
    ANTHROPIC_API_KEY: apiKey,
    DISABLE_TELEMETRY: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_ERROR_REPORTING: '1',
  };
  return { env, configDir, worktree };
}

/** Where the daemon puts a task's worktree: known before the start, so a fake model can name files in it. */
export function taskWorktree(project: TaskProject, id: number, slug: string): string {
  return worktreePathFor(project.home, realpathSync(project.project), id, slug);
}

/** Opencode's config for a provider `fake` on the fake model server's OpenAI-compatible API, editing allowed. */
export function fakeOpencodeConfig(server: FakeModelServer): Record<string, unknown> {
  return {
    autoupdate: false,
    share: 'disabled',
    model: 'fake/fake-model',
    small_model: 'fake/fake-model',
    provider: { fake: { npm: '@ai-sdk/openai-compatible', name: 'Fake', options: { baseURL: server.openaiBaseUrl, apiKey: 'test' }, models: { 'fake-model': { name: 'Fake', tool_call: true } } } },
    permission: { edit: 'allow', bash: 'allow' },
  };
}

/**
 * Opencode's TUI run against `server`: its own HOME and XDG directories (it writes caches, config
 * and its session store there), and a provider `fake` pointing at the server's OpenAI-compatible
 * API through OPENCODE_CONFIG_CONTENT, which the task's plugin is merged into.
 */
export function opencodeEnvironment(project: TaskProject, server: FakeModelServer): Record<string, string> {
  const home = join(project.root, 'opencode-home');
  const config = fakeOpencodeConfig(server);
  return {
    PATH: `${agentBinDir}:${process.env.PATH ?? ''}`,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local/state'),
    OPENCODE_CONFIG_CONTENT: JSON.stringify(config),
  };
}

/** The session transcripts Claude wrote (file names, `<session id>.jsonl`), over every project. */
export function transcriptsOf(configDir: string): string[] {
  const projects = join(configDir, 'projects');
  return readdirSync(projects).flatMap((dir) => readdirSync(join(projects, dir)).filter((file) => file.endsWith('.jsonl')));
}

export interface ProcessInfo {
  pid: number;
  argv: string[];
}

/**
 * The live processes started under this Orchestra home (ORCHESTRA_HOME in their environment, so
 * other tests' agents on the machine are not counted) whose command line contains `needle`.
 */
export function processesOf(home: string, needle: string): ProcessInfo[] {
  return processesWith(`ORCHESTRA_HOME=${home}`, needle);
}

/** The live processes with `assignment` (NAME=value) in their environment whose command line contains `needle`. */
export function processesWith(assignment: string, needle: string): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (!argv.join(' ').includes(needle)) continue;
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (environ.includes(assignment)) found.push({ pid: Number(entry), argv });
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
  return found;
}

/** After a failed test: no agent of this home outlives it (the daemon may be gone already). */
export function killProcessesOf(home: string, needle: string): void {
  for (const { pid } of processesOf(home, needle)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

/** Resolves once the file's content matches `pattern` (the daemon log, say), or fails showing it. */
export async function waitForFile(file: string, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)} in ${file}:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The model the Codex tests name: not in Codex's catalogue, so it gets the plain tool set (exec_command). */
export const codexTestModel = 'fake-model';

/**
 * What Codex needs to reach `server` under Orchestra: OPENAI_BASE_URL and OPENAI_API_KEY for the
 * provider Orchestra writes into the session's own CODEX_HOME, CODEX_MODEL for its model, and a
 * HOME of its own (Codex must not read or write the real one).
 */
export function codexEnvironment(root: string, server: FakeModelServer): Record<string, string> {
  return {
    PATH: `${agentBinDir}:${process.env.PATH ?? ''}`,
    HOME: join(root, 'codex-user-home'),
    OPENAI_BASE_URL: server.openaiBaseUrl,
    OPENAI_API_KEY: apiKey,
    CODEX_MODEL: codexTestModel,
  };
}

/** Codex's Responses request carries the output of a tool call it ran (function_call_output). */
export function answersCodexToolCall(request: RecordedRequest): boolean {
  const input = (request.body as { input?: unknown } | undefined)?.input;
  return Array.isArray(input) && input.some((item) => ['function_call_output', 'custom_tool_call_output'].includes((item as { type?: string }).type ?? ''));
}

/** The request offers Codex's shell tool (its main turns do; a title or memory request does not). */
export function offersCodexShell(request: RecordedRequest): boolean {
  const tools = (request.body as { tools?: { name?: string }[] } | undefined)?.tools ?? [];
  return tools.some((tool) => tool.name === 'exec_command' || tool.name === 'shell');
}
