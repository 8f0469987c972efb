import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { expect } from 'vitest';
import { binPath, type TaskProject } from './task-project.js';

/*
 * The official MCP client connected to a TaskProject's real daemon (issue 12): over stdio through
 * `orchestra mcp` (a real process of the built CLI), or over Streamable HTTP at the daemon's /mcp
 * with a bearer token made by `orchestra token create`.
 */

export interface McpConnection {
  client: Client;
  /** What `orchestra mcp` wrote to stderr (empty over HTTP): shown when an assertion fails. */
  stderr(): string;
  /** The `orchestra mcp` process (stdio only), for tests that kill it. */
  pid?: number;
  close(): Promise<void>;
}

/**
 * Starts the project's daemon (registering the project with it) and returns its HTTP base URL
 * (`daemon status` waits for a starting HTTP API, so the URL is there; a daemon without one fails here).
 */
export async function startDaemon(p: TaskProject): Promise<string> {
  const status = await p.bin(['status']);
  expect(status.code, status.stderr).toBe(0);
  const daemon = await p.bin(['daemon', 'status', '--json']);
  expect(daemon.code, daemon.stderr).toBe(0);
  const { url } = JSON.parse(daemon.stdout) as { url?: string };
  expect(url, `the daemon has no HTTP API: ${daemon.stdout}`).toMatch(/^http:\/\//);
  return url as string;
}

/** A bearer token of the daemon's store, printed once by `orchestra token create --json`. */
export async function createToken(p: TaskProject, name: string, scope: 'read' | 'write' | 'admin'): Promise<string> {
  const made = await p.bin(['token', 'create', '--name', name, '--scope', scope, '--json']);
  expect(made.code, made.stderr).toBe(0);
  return (JSON.parse(made.stdout) as { token: string }).token;
}

/** `orchestra mcp` run in `cwd` (as an agent's MCP config runs it), with the project's environment. */
export async function connectStdio(p: TaskProject, cwd: string = p.project, env: Record<string, string> = {}): Promise<McpConnection> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [binPath, 'mcp'], cwd, env: { ...stringEnv(process.env), ...p.env, ...env }, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'orchestra-e2e', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close(), ...(transport.pid !== null && { pid: transport.pid }) };
}

/** The daemon's /mcp over Streamable HTTP with `token`. */
export async function connectHttp(url: string, token: string): Promise<McpConnection> {
  const transport = new StreamableHTTPClientTransport(new URL('/mcp', url), { requestInit: { headers: { authorization: `Bearer ${token}` } } });
  const client = new Client({ name: 'orchestra-e2e', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => '', close: () => client.close() };
}

/** Calls a tool that must succeed and returns its structured result (also checking the JSON text beside it). */
export async function callOk<T = Record<string, unknown>>(connection: McpConnection, name: string, args: Record<string, unknown>): Promise<T> {
  const result = (await connection.client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError ?? false, `${name}: ${JSON.stringify(result.content)}\n${connection.stderr()}`).toBe(false);
  expect(result.structuredContent, name).toBeDefined();
  expect(JSON.parse((result.content[0] as { text: string }).text)).toEqual(result.structuredContent);
  return result.structuredContent as T;
}

export interface ToolErrorDetails {
  code: string;
  message: string;
  hint?: string;
  fields?: Array<{ field: string; message: string }>;
}

/** Calls a tool that must fail as an MCP tool error (never a protocol error) and returns Orchestra's error. */
export async function callError(connection: McpConnection, name: string, args: Record<string, unknown>): Promise<ToolErrorDetails & { text: string }> {
  const result = (await connection.client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError, `${name}: ${JSON.stringify(result)}`).toBe(true);
  const details = result._meta?.['orchestra/error'] as ToolErrorDetails;
  const text = (result.content[0] as { text: string }).text;
  expect(text.startsWith(`${details.code}: `)).toBe(true);
  return { ...details, text };
}

/** Polls `read` until `accept` holds (no event reaches a test from outside the daemon), failing with the last value. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
