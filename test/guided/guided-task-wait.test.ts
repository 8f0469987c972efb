import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addWorkflow, advance, guidedSession, noModel, show, type GuidedAnswer } from '../support/guided-mcp.js';
import { taskWorkflowFiles as workflowFiles } from '../support/guided-task-workflow.js';
import { callError, callOk, eventually } from '../support/mcp-clients.js';
import { TaskProject } from '../support/task-project.js';

// Seed 004: a step whose front matter says `waits_for: { task: … }` starts an Orchestra
// coding-agent task (the fake agent profile: no model) through the real daemon, and the instance
// waits; the task's end, seen on the next get_workflow_status, is the step's report for the rules.

const workflow = 'SHIP_WITH_TASK';
// The same workflow, its task run by an agent that fails: it exits 3 soon after it starts.
const crashWorkflow = 'SHIP_WITH_CRASH';
const crashingAgent = `  crashing:
    command: ${JSON.stringify(process.execPath)}
    args: ["-e", "setTimeout(() => process.exit(3), 1000)", "{prompt}"]
    interactive:
      args: ["-e", "setTimeout(() => process.exit(3), 1000)", "{prompt}"]
      prompt_via: argument
`;

interface TaskResult {
  id: number;
  slug: string;
  status: string;
  description: string;
  agent?: string;
  needsInput: boolean;
}

// No model: the step files' rule lines decide every step.
const session = guidedSession(() => {
  const p = new TaskProject({ quietMs: 300, env: noModel });
  appendFileSync(join(p.project, 'orchestra.yaml'), crashingAgent);
  addWorkflow(p, workflow, workflowFiles('fake'));
  addWorkflow(p, crashWorkflow, workflowFiles('crashing'));
  return p;
});

const status = (id: string) => callOk<GuidedAnswer>(session.mcp, 'get_workflow_status', { instance_id: id });

/** Starts an instance and reports PLAN done: BUILD starts its task; returns the instance and the task's number. */
async function reachBuild(feature: string, name = workflow): Promise<{ id: string; taskId: string; ref: string }> {
  const { mcp, p } = session;
  const started = await callOk<GuidedAnswer>(mcp, 'start_workflow', { workflow_name: name, context: { feature }, project: p.project });
  expect(started).toMatchObject({ status: 'running', next_step: { name: 'PLAN', instructions: expect.stringContaining(feature) } });
  const waiting = await advance(mcp, started.instance_id, 'PLAN', 'success', {}, null);
  expect(waiting, waiting.reason).toMatchObject({ status: 'waiting', next_step: null, waiting_for: { step: 'BUILD', task_id: expect.any(String) } });
  const taskId = waiting.waiting_for!.task_id!;
  // The wait names the task by its number in the instance's project.
  expect(taskId).toMatch(/^\d+@/);
  expect(taskId.slice(taskId.indexOf('@') + 1)).toBe(p.project);
  return { id: started.instance_id, taskId, ref: taskId.slice(0, taskId.indexOf('@')) };
}

describe('issue 13: a guided step starts a coding-agent task and waits for it, through the real daemon', () => {
  it('issue 13: the task is created and started in the project; the instance waits while it runs, and its completion moves it on', { timeout: 90_000 }, async () => {
    const { mcp, p } = session;
    const { id, taskId, ref } = await reachBuild('dark mode');

    const task = await callOk<TaskResult>(mcp, 'task_get', { project: p.project, ref });
    expect(task).toMatchObject({ id: Number(ref), status: 'running', agent: 'fake' });
    expect(task.description).toContain('Build the planned feature');
    expect(task.description).toContain('Build dark mode as planned.');
    const listed = await callOk<{ tasks?: TaskResult[]; items?: TaskResult[] }>(mcp, 'task_list', { project: p.project });
    expect((listed.tasks ?? listed.items ?? []).map((one) => [one.id, one.status])).toContainEqual([Number(ref), 'running']);
    // Its file in the project, as `orchestra new` writes one: named after the step.
    expect(task.slug).toMatch(/^build-/);
    expect(readFileSync(join(p.project, '.orchestra/tasks', `${ref}:${task.slug}.md`), 'utf8')).toContain('Build dark mode as planned.');
    // Its agent really runs: the fake agent asks once its work is done.
    await eventually(() => callOk<TaskResult>(mcp, 'task_status', { project: p.project, ref }), (now) => now.needsInput, 'the agent to ask');
    expect(p.agentStarts().length).toBeGreaterThan(0);

    // While the task runs, the instance still waits, and a status read changes nothing.
    expect(await status(id)).toMatchObject({ status: 'waiting', next_step: null, waiting_for: { step: 'BUILD', task_id: taskId } });
    // A report of the step is refused while its task runs: the task's end is the report.
    const refused = await callError(mcp, 'advance_workflow', { instance_id: id, report: { step_id: 'BUILD', status: 'success' } });
    expect(refused).toMatchObject({ code: 'E_GUIDED_STATE', message: expect.stringContaining(`waits for task ${taskId}`), hint: expect.stringContaining('get_workflow_status') });
    expect((await show(mcp, id)).history.map((entry) => entry.step)).toEqual(['PLAN']);

    expect(await callOk<TaskResult>(mcp, 'task_complete', { project: p.project, ref })).toMatchObject({ status: 'completed' });
    const moved = await status(id);
    expect(moved, moved.reason).toMatchObject({ status: 'running', next_step: { name: 'CHECK', instructions: expect.stringContaining('dark mode') } });
    expect(moved.waiting_for).toBeUndefined();

    const detail = await show(mcp, id);
    expect(detail.instance).toMatchObject({ status: 'running', currentStep: 'CHECK' });
    expect(detail.history.map((entry) => entry.step)).toEqual(['PLAN', 'BUILD']);
    expect(detail.history[1]!.report).toMatchObject({ step_id: 'BUILD', status: 'success', task_id: taskId, result: { task: Number(ref), status: 'completed' } });
    expect(detail.decisions.at(-1)).toMatchObject({ kind: 'advance', by: 'rules', output: expect.objectContaining({ next_step: 'CHECK' }) });

    // The status read took the outcome once: reading again answers the same, and the workflow ends.
    expect(await status(id)).toMatchObject({ status: 'running', next_step: { name: 'CHECK' } });
    expect(await advance(mcp, id, 'CHECK', 'success', {}, null)).toMatchObject({ status: 'completed' });
    expect((await show(mcp, id)).history.map((entry) => entry.step)).toEqual(['PLAN', 'BUILD', 'CHECK']);
  });

  it('issue 13: a task that is stopped is the step\'s failure, routed by its on failure: line; sent back to the step, it starts a new task', { timeout: 90_000 }, async () => {
    const { mcp, p } = session;
    const { id, taskId, ref } = await reachBuild('search');
    await p.waitForTask(ref, (task) => task.status === 'running');
    expect(await status(id)).toMatchObject({ status: 'waiting', waiting_for: { task_id: taskId } });

    expect(await callOk<TaskResult>(mcp, 'task_stop', { project: p.project, ref })).toMatchObject({ status: 'stopped' });
    const moved = await status(id);
    expect(moved, moved.reason).toMatchObject({ status: 'running', next_step: { name: 'RESCUE', instructions: expect.stringContaining('search') } });
    expect(moved.reason).toContain('failure');

    const detail = await show(mcp, id);
    expect(detail.history.map((entry) => entry.step)).toEqual(['PLAN', 'BUILD']);
    expect(detail.history[1]!.report).toMatchObject({ step_id: 'BUILD', status: 'failure', task_id: taskId, result: { task: Number(ref), status: 'stopped' } });
    // The stopped task stays stopped: nothing restarted it.
    expect((await callOk<TaskResult>(mcp, 'task_get', { project: p.project, ref })).status).toBe('stopped');

    // Sent back to BUILD, the step starts a new task (the same step, the same instance: a new number).
    const again = await advance(mcp, id, 'RESCUE', 'failure', {}, null);
    expect(again, again.reason).toMatchObject({ status: 'waiting', waiting_for: { step: 'BUILD', task_id: expect.any(String) } });
    const retryId = again.waiting_for!.task_id!;
    expect(retryId).not.toBe(taskId);
    const retryRef = retryId.slice(0, retryId.indexOf('@'));
    await p.waitForTask(retryRef, (task) => task.status === 'running');
    expect(await callOk<TaskResult>(mcp, 'task_complete', { project: p.project, ref: retryRef })).toMatchObject({ status: 'completed' });
    expect(await status(id)).toMatchObject({ status: 'running', next_step: { name: 'CHECK' } });
    expect((await show(mcp, id)).history.map((entry) => [entry.step, entry.report.status])).toEqual([['PLAN', 'success'], ['BUILD', 'failure'], ['RESCUE', 'failure'], ['BUILD', 'success']]);
  });

  it('issue 13: a task whose agent fails is the step\'s failure too', { timeout: 90_000 }, async () => {
    const { mcp, p } = session;
    const { id, taskId, ref } = await reachBuild('export', crashWorkflow);
    // No event reaches the test from the daemon: poll the task until its agent's exit 3 failed it.
    await p.waitForTask(ref, (task) => task.status === 'failed');
    const moved = await status(id);
    expect(moved, moved.reason).toMatchObject({ status: 'running', next_step: { name: 'RESCUE', instructions: expect.stringContaining('export') } });
    const detail = await show(mcp, id);
    expect(detail.history[1]!.report).toMatchObject({ step_id: 'BUILD', status: 'failure', task_id: taskId, result: { task: Number(ref), status: 'failed' } });
  });
});
