import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { advance, commitAll, guidedSession, noModel, show, type GuidedAnswer } from '../support/guided-mcp.js';
import { callOk } from '../support/mcp-clients.js';
import { TaskProject } from '../support/task-project.js';

// Seed 004's SPRINT_TASK as shipped, through the real daemon over MCP with the rules alone: its
// HUMAN_REVIEW step (`waits_for: human_task`) puts a review in the same inbox as every human task;
// the instance waits, and the person's answer (its form's fields) routes the next step.

const workflow = 'SPRINT_TASK';
const session = guidedSession(() => {
  const p = new TaskProject({ quietMs: 300, env: noModel });
  cpSync(fileURLToPath(new URL(`../../templates/guided/${workflow}`, import.meta.url)), join(p.project, 'workflows', workflow), { recursive: true });
  commitAll(p, `add the ${workflow} guided workflow`);
  return p;
});

interface InboxTask {
  id: string;
  title: string;
  status: string;
  form: Record<string, { type: string }>;
}

/** Starts SPRINT_TASK and reports every step up to OPEN_PR done: HUMAN_REVIEW waits for its human task. */
async function reachReview(task: string): Promise<{ id: string; humanTask: string }> {
  const { mcp } = session;
  const { instance_id: id } = await callOk<GuidedAnswer>(mcp, 'start_workflow', { workflow_name: workflow, context: { task } });
  await advance(mcp, id, 'PICK_UP_TASK', 'success', {}, 'CREATE_BRANCH');
  await advance(mcp, id, 'CREATE_BRANCH', 'success', { branch: 'feat/csv' }, 'IMPLEMENT');
  await advance(mcp, id, 'IMPLEMENT', 'success', {}, 'SELF_REVIEW');
  await advance(mcp, id, 'SELF_REVIEW', 'success', { self_review_passed: true }, 'OPEN_PR');
  const waiting = await advance(mcp, id, 'OPEN_PR', 'success', { pr_url: 'https://forge.invalid/pr/7' }, null);
  expect(waiting, waiting.reason).toMatchObject({ status: 'waiting', waiting_for: { step: 'HUMAN_REVIEW', human_task_id: expect.any(String) } });
  return { id, humanTask: waiting.waiting_for!.human_task_id! };
}

describe('issue 13: a guided step that waits for a person, through the real daemon', () => {
  it('issue 13: HUMAN_REVIEW asks in the inbox; a change request goes to ADDRESS_REVIEW and back for a new review, an approval to DONE', { timeout: 90_000 }, async () => {
    const { mcp } = session;
    const { id, humanTask } = await reachReview('Add CSV export');
    const inbox = await callOk<{ items: InboxTask[] }>(mcp, 'human_task_list', {});
    const asked = inbox.items.find((item) => item.id === humanTask);
    expect(asked).toMatchObject({ title: 'Review the pull request for Add CSV export', status: 'open', form: { review_approved: { type: 'boolean' }, review_comments: { type: 'textarea' } } });
    expect(await callOk<GuidedAnswer>(mcp, 'get_workflow_status', { instance_id: id })).toMatchObject({ status: 'waiting', next_step: null });

    await callOk(mcp, 'human_task_answer', { id: humanTask, answer: { review_approved: false, review_comments: 'Quote fields that hold commas.' } });
    const changes = await callOk<GuidedAnswer>(mcp, 'get_workflow_status', { instance_id: id });
    expect(changes, changes.reason).toMatchObject({ status: 'running', next_step: { name: 'ADDRESS_REVIEW', instructions: expect.stringContaining('Quote fields that hold commas.') } });

    const again = await advance(mcp, id, 'ADDRESS_REVIEW', 'success', {}, null);
    expect(again).toMatchObject({ status: 'waiting', waiting_for: { step: 'HUMAN_REVIEW' } });
    const second = again.waiting_for!.human_task_id!;
    expect(second).not.toBe(humanTask);
    await callOk(mcp, 'human_task_answer', { id: second, answer: { review_approved: true } });
    expect(await callOk<GuidedAnswer>(mcp, 'get_workflow_status', { instance_id: id })).toMatchObject({ status: 'running', next_step: { name: 'DONE' } });

    const detail = await show(mcp, id);
    expect(detail.history.filter((entry) => entry.step === 'HUMAN_REVIEW').map((entry) => entry.report)).toEqual([
      expect.objectContaining({ status: 'success', human_task_id: humanTask, result: { review_approved: false, review_comments: 'Quote fields that hold commas.' } }),
      expect.objectContaining({ status: 'success', human_task_id: second, result: { review_approved: true } }),
    ]);
    expect(detail.instance.context).toMatchObject({ review_approved: true, review_comments: 'Quote fields that hold commas.' });
  });
});
