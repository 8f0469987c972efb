import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { agentProcesses, daemonProcess, eventually, isAlive, recoveries, type ProcessId } from '../support/agent-processes.js';
import { addWorkflow, noModel, show, type GuidedAnswer } from '../support/guided-mcp.js';
import { taskWorkflowFiles } from '../support/guided-task-workflow.js';
import { callError, callOk, connectStdio, startDaemon, type McpConnection } from '../support/mcp-clients.js';
import { TaskProject } from '../support/task-project.js';

// kill -9 of the daemon at each point of a guided step's task start (src/engine/guided/step-task.ts
// says why each is safe), through test hooks in the daemon's environment: ORCHESTRA_TEST_GUIDED_CRASH
// (src/services/guided/guided-crash-points.ts) and the task layer's ORCHESTRA_TEST_KILL_AFTER_SPAWN.
// Real processes of the built CLI, the real SQLite store, the fake agent in a real PTY, ignoring
// SIGHUP so that an agent the dead daemon started lives on as an orphan. After a restart, the agent's
// retried advance and its resume_workflow find exactly one task for the step's visit, the instance
// waits on it, and exactly one agent runs: the orphan is gone.

const workflow = 'SHIP_WITH_TASK';

interface CrashCase {
  what: string;
  env: Record<string, string>;
  /** What the dead daemon left: task files, their status, and live agents (orphans): at most `agents`. */
  left: { tasks: number; status?: string; agents: number; exact?: boolean };
  /** Whether the agent that runs after the restart is the task's session resumed by the daemon's recovery (else a first start). */
  resumed: boolean;
}

const cases: CrashCase[] = [
  { what: 'after the step was stored, before its task was created', env: { ORCHESTRA_TEST_GUIDED_CRASH: 'before-task-create' }, left: { tasks: 0, agents: 0, exact: true }, resumed: false },
  { what: 'after the task was created, before it was started', env: { ORCHESTRA_TEST_GUIDED_CRASH: 'after-task-create' }, left: { tasks: 1, status: 'draft', agents: 0, exact: true }, resumed: false },
  { what: 'while its agent spawned, before its pid was recorded', env: { ORCHESTRA_TEST_KILL_AFTER_SPAWN: 'fake-agent started' }, left: { tasks: 1, status: 'draft', agents: 1, exact: true }, resumed: false },
  // The agent, just spawned, may die with its PTY before its SIGHUP handler is set; when it lives on, it is an orphan.
  { what: 'after the task started, before the instance stored it', env: { ORCHESTRA_TEST_GUIDED_CRASH: 'after-task-start' }, left: { tasks: 1, status: 'running', agents: 1 }, resumed: true },
];

let p: TaskProject | undefined;
let mcp: McpConnection | undefined;
afterEach(async () => {
  await mcp?.close();
  await p?.cleanup();
  mcp = undefined;
  p = undefined;
});

function taskFiles(project: TaskProject): string[] {
  const dir = join(project.project, '.orchestra/tasks');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.md')) : [];
}

interface TaskResult {
  id: number;
  slug: string;
  status: string;
  pid?: number;
}

describe('issue 13: the daemon killed while a guided step starts its coding task', () => {
  it.each(cases)('issue 13: killed $what: after a restart, one task for the step visit, the instance waits on it, and one agent runs', { timeout: 120_000 }, async ({ env, left, resumed: wasResumed }) => {
    p = new TaskProject({ quietMs: 300, env: { ...noModel, FAKE_AGENT_IGNORE_SIGHUP: '1' } });
    addWorkflow(p, workflow, taskWorkflowFiles('fake'));
    // This daemon has the hook in its environment; the next one will not.
    const first = await p.bin(['status'], { env });
    expect(first.code, first.stderr).toBe(0);
    const daemon = await daemonProcess(p);
    mcp = await connectStdio(p);

    const { instance_id: id } = await callOk<GuidedAnswer>(mcp, 'start_workflow', { workflow_name: workflow, context: { feature: 'dark mode' }, project: p.project });
    const report = { instance_id: id, report: { step_id: 'PLAN', status: 'success', result: 'planned' } };
    // PLAN done: the rules enter BUILD, whose task start the hook cuts short. The agent gets no answer.
    const cut = await (mcp.client.callTool({ name: 'advance_workflow', arguments: report }) as Promise<CallToolResult>).then(
      (result) => JSON.stringify(result.content),
      (error: unknown) => (error as Error).message,
    );
    expect(cut).toContain('E_DAEMON');
    await eventually(() => !isAlive(daemon), `daemon ${daemon.pid} to die`);
    const tasksLeft = taskFiles(p);
    expect(tasksLeft).toHaveLength(left.tasks);
    if (left.status !== undefined) expect(readTaskStatus(p, tasksLeft[0]!)).toBe(left.status);
    const orphans: ProcessId[] = agentProcesses(p);
    if (left.exact === true) expect(orphans).toHaveLength(left.agents);
    else expect(orphans.length).toBeLessThanOrEqual(left.agents);

    await startDaemon(p);
    await eventually(() => recoveries(p!) === 2, 'the new daemon to recover agents');
    // The agent does not know whether its report landed. Its retried advance finds the step recorded
    // and its task made or adopted: the instance waits on it.
    const retried = await callError(mcp, 'advance_workflow', report);
    expect(retried).toMatchObject({ code: 'E_GUIDED_STATE', message: expect.stringMatching(/step BUILD waits for task \d+@/) });
    const resumed = await callOk<GuidedAnswer>(mcp, 'resume_workflow', { ...report, assumed_current_step_name: 'PLAN' });
    expect(resumed, resumed.reason).toMatchObject({ status: 'waiting', next_step: null, waiting_for: { step: 'BUILD', task_id: expect.stringMatching(/^\d+@/) } });
    const taskId = resumed.waiting_for!.task_id!;
    expect(retried.message).toContain(`waits for task ${taskId}`);
    const ref = taskId.slice(0, taskId.indexOf('@'));

    // Exactly one task for the visit: the one the dead daemon made, when it made one.
    const files = taskFiles(p);
    expect(files).toEqual([expect.stringMatching(new RegExp(`^${ref}:build-[a-z0-9]+\\.md$`))]);
    if (left.tasks === 1) expect(files).toEqual(tasksLeft);
    const task = await p.waitForTask(ref, (one) => one.pid !== undefined && one.needsInput, 30_000);
    expect(['running', 'idle']).toContain(task.status);
    // No orphan: what the dead daemon left is gone, and the one agent that runs is the task's.
    expect(orphans.filter(isAlive)).toEqual([]);
    expect(agentProcesses(p).map((proc) => proc.pid)).toEqual([task.pid]);
    expect(p.agentStarts().at(-1)).toMatchObject({ pid: task.pid, resumed: wasResumed });

    // The step's entry was stored once, its decision taken once; the wait keeps the slug and the reference.
    const detail = await show(mcp, id);
    expect(detail.history.map((entry) => entry.step)).toEqual(['PLAN']);
    expect(detail.decisions.map((decision) => decision.kind)).toEqual(['start', 'advance']);
    expect(detail.instance).toMatchObject({ status: 'waiting', currentStep: 'BUILD' });
    expect((detail.instance as { waitingFor?: unknown }).waitingFor).toEqual({ step: 'BUILD', taskSlug: task.slug, taskId });

    // And that task's end moves the instance on.
    expect(await callOk<TaskResult>(mcp, 'task_complete', { project: p.project, ref })).toMatchObject({ status: 'completed' });
    expect(await callOk<GuidedAnswer>(mcp, 'get_workflow_status', { instance_id: id })).toMatchObject({ status: 'running', next_step: { name: 'CHECK' } });
    expect(taskFiles(p)).toEqual(files);
  });
});

/** The status in a task file's front matter, read without a daemon (none runs at that moment). */
function readTaskStatus(project: TaskProject, file: string): string | undefined {
  const text = readFileSync(join(project.project, '.orchestra/tasks', file), 'utf8');
  return /^status:\s*(\S+)/m.exec(text)?.[1];
}
