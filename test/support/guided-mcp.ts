import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import type { FakeModelServer } from './fake-model-server/index.js';
import { callOk, connectStdio, startDaemon, type McpConnection } from './mcp-clients.js';
import { TaskProject, type TaskProjectOptions } from './task-project.js';

/*
 * A guided-workflow project for the MCP e2e tests (issue 13): a TaskProject (a git repository with
 * its own ORCHESTRA_HOME, so its own daemon, HTTP on port 0) with guided workflows committed in
 * workflows/, and typed calls of seed 004's tools.
 */

const template = fileURLToPath(new URL('../../templates/guided/REFACTOR_WITH_TESTS', import.meta.url));

export const workflowName = 'REFACTOR_WITH_TESTS';

/** The daemon's environment with no model: the rules decide, even if the environment running the tests configures one. */
export const noModel: Record<string, string> = { AI_SERVICE_ENDPOINT: '', AI_SERVICE_MODEL: '', AI_SERVICE_API_KEY: '' };

/** The daemon's environment with the fake model server as seed 004's AI_SERVICE_ENDPOINT. */
export function modelEnv(model: FakeModelServer, timeoutMs = 20_000): Record<string, string> {
  return { AI_SERVICE_ENDPOINT: model.openaiBaseUrl, AI_SERVICE_API_KEY: 'test-key', AI_SERVICE_MODEL: 'gpt-fake', AI_REQUEST_TIMEOUT_MS: String(timeoutMs) };
}

/** The model's answer to one decision, as the orchestrator asks for it (JSON with next_step, context_updates, reason). */
export const decides = (next: string, reason: string, updates: Record<string, unknown> = {}) => ({ text: JSON.stringify({ next_step: next, context_updates: updates, reason }) });

/** Writes workflows/NAME/ (file → text, relative to that folder) into the project and commits it. */
export function addWorkflow(p: TaskProject, name: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    const path = join(p.project, 'workflows', name, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  commitAll(p, `add the ${name} guided workflow`);
}

export function commitAll(p: TaskProject, message: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: p.project, stdio: 'ignore' });
  git('add', '.');
  git('commit', '-q', '-m', message);
}

/** The daemon's environment decides whether a model is configured: pass modelEnv(…) here, or noModel. */
export function guidedProject(env: Record<string, string>, options: Omit<TaskProjectOptions, 'env'> = {}): TaskProject {
  const p = new TaskProject({ quietMs: 300, ...options, env });
  cpSync(template, join(p.project, 'workflows', workflowName), { recursive: true });
  commitAll(p, `add the ${workflowName} guided workflow`);
  return p;
}

/** A project whose daemon runs for the file's tests, and an `orchestra mcp` (stdio) connected to it. */
export interface GuidedSession {
  readonly p: TaskProject;
  readonly mcp: McpConnection;
}

/** Registers the file's beforeAll (make the project, start its daemon, connect over stdio) and afterAll (close, clean up). */
export function guidedSession(make: () => TaskProject): GuidedSession {
  const session: { p?: TaskProject; mcp?: McpConnection } = {};
  beforeAll(async () => {
    session.p = make();
    await startDaemon(session.p);
    session.mcp = await connectStdio(session.p);
  }, 60_000);
  afterAll(async () => {
    await session.mcp?.close();
    await session.p?.cleanup();
  });
  return {
    get p() {
      return session.p!;
    },
    get mcp() {
      return session.mcp!;
    },
  };
}

/** What start_workflow, get_workflow_status, advance_workflow and resume_workflow answer. */
export interface GuidedAnswer {
  instance_id: string;
  status: 'running' | 'waiting' | 'completed' | 'failed';
  next_step: { name: string; instructions: string } | null;
  reason: string;
  fallback?: string;
  waiting_for?: { step: string; human_task_id?: string; task_id?: string };
}

export interface GuidedShow {
  instance: { id: string; currentStep?: string; status: string; context: Record<string, unknown>; version: number };
  history: Array<{ seq: number; step: string; report: Record<string, unknown>; contextUpdates: Record<string, unknown> }>;
  decisions: Array<{ seq: number; kind: 'start' | 'advance' | 'resume'; input: Record<string, unknown>; output: Record<string, unknown>; reason: string; by: string; fallback?: string }>;
}

/** One report of the current step through advance_workflow; the answer must name `expectNext` (null: the workflow ended or waits). */
export async function advance(
  mcp: McpConnection,
  id: string,
  step: string,
  status: string,
  updates: Record<string, unknown>,
  expectNext: string | null,
): Promise<GuidedAnswer> {
  const answer = await callOk<GuidedAnswer>(mcp, 'advance_workflow', { instance_id: id, report: { step_id: step, status, result: `${step}: ${status}` }, context_updates: updates });
  expect(answer.next_step?.name ?? null, `after ${step} ${status}: ${answer.reason}`).toBe(expectNext);
  return answer;
}

export const show = (mcp: McpConnection, id: string) => callOk<GuidedShow>(mcp, 'guided_show', { instance_id: id });
