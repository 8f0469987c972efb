import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { callOk, type McpConnection } from './mcp-clients.js';
import { TaskProject } from './task-project.js';

/*
 * A guided-workflow project for the MCP e2e tests (issue 13): a TaskProject (a git repository with
 * its own ORCHESTRA_HOME, so its own daemon, HTTP on port 0) with the shipped REFACTOR_WITH_TESTS
 * template committed in workflows/, and typed calls of seed 004's tools.
 */

const template = fileURLToPath(new URL('../../templates/guided/REFACTOR_WITH_TESTS', import.meta.url));

export const workflowName = 'REFACTOR_WITH_TESTS';

/** The daemon's environment decides whether a model is configured: pass AI_SERVICE_* here, or '' for none. */
export function guidedProject(env: Record<string, string>): TaskProject {
  const p = new TaskProject({ quietMs: 300, env });
  cpSync(template, join(p.project, 'workflows', workflowName), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: p.project, stdio: 'ignore' });
  git('add', '.');
  git('commit', '-q', '-m', 'add the REFACTOR_WITH_TESTS guided workflow');
  return p;
}

/** What start_workflow, get_workflow_status, advance_workflow and resume_workflow answer. */
export interface GuidedAnswer {
  instance_id: string;
  status: 'running' | 'waiting' | 'completed' | 'failed';
  next_step: { name: string; instructions: string } | null;
  reason: string;
  fallback?: string;
  waiting_for?: { step: string; human_task_id?: string };
}

export interface GuidedShow {
  instance: { id: string; currentStep?: string; status: string; context: Record<string, unknown>; version: number };
  history: Array<{ seq: number; step: string; report: Record<string, unknown>; contextUpdates: Record<string, unknown> }>;
  decisions: Array<{ seq: number; kind: 'start' | 'advance' | 'resume'; input: Record<string, unknown>; output: Record<string, unknown>; reason: string; by: string; fallback?: string }>;
}

/** One report of the current step through advance_workflow; the answer must name `expectNext` (null: the workflow ended). */
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

