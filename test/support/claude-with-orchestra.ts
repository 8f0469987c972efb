import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { writeClaudeMcpConfig } from '../../src/agents/cli-agents/index.js';
import type { FakeModelServer } from './fake-model-server/index.js';
import { agentBinDir, claudeEnvironment } from './real-agent-env.js';
import { binPath, type TaskProject } from './task-project.js';

/*
 * The real Claude Code CLI given Orchestra's MCP server (--mcp-config: `orchestra mcp`, relaying to
 * a TaskProject's daemon) and pointed at the fake model server (issues 12 and 13).
 */

export const claudeBin = join(agentBinDir, 'claude');

export interface ClaudeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `claude args` in `cwd` as a real process (killed after 100 s). */
export function runClaude(args: string[], cwd: string, env: Record<string, string>): Promise<ClaudeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(claudeBin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The daemon running and knowing the project (HTTP on any free port), and Claude's --mcp-config and environment. */
export async function claudeWithOrchestra(p: TaskProject, model: FakeModelServer): Promise<{ config: string; env: Record<string, string> }> {
  expect((await p.bin(['status'])).code).toBe(0);
  const config = await writeClaudeMcpConfig(join(p.root, 'session'), { command: process.execPath, args: [binPath, 'mcp'], env: { ORCHESTRA_HOME: p.home, ORCHESTRA_HTTP_PORT: '0' } });
  // Claude Code 2.1 connects MCP servers in the background and its first request may go out before
  // they are listed (it offers WaitForMcpServers instead); a one-shot run waits for them.
  return { config, env: { ...claudeEnvironment(p, model, 'unused').env, MCP_CONNECTION_NONBLOCKING: '0' } };
}
