import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

/**
 * Issue 9: the engine behaves as pipelines written for other Attractor engines expect: parallel
 * results in the context and the checkpoint, branch outputs in the fan-in's prompt, context.from,
 * restart-N checkpoints, visits/N, goal-gate messages, a manager without a child; all through
 * the real CLI and SQLite store.
 */
let ws: Workspace;

beforeEach(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-attractor-engine-');
});
afterEach(() => ws.remove());

async function run(dot: string) {
  ws.write('p.dot', dot);
  const logs = join(ws.dir, 'logs');
  const result = await runBin(['run', 'p.dot', '--simulate', '--logs', logs], { cwd: ws.dir, home: ws.home });
  const read = (...path: string[]) => readFileSync(join(logs, ...path), 'utf8');
  return { ...result, logs, read, json: (...path: string[]) => JSON.parse(read(...path)) as Record<string, unknown> };
}

const pipeline = (body: string, graphLine = '') => `digraph P {\n  ${graphLine}\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n${body}\n}\n`;

describe('issue 9: Attractor engine compatibility through `orchestra run --simulate`', () => {
  it('issue 9: parallel results route edges, branch nodes are in completed_nodes and at {logs_root}/<id>/, the fan-in and context.from see outputs', async () => {
    // lint prints 6,000 characters, past the 4,000 a response may take, after template syntax that must stay text.
    ws.write('lint.sh', "echo 'use {{ goal }} and $goal'; head -c 6000 /dev/zero | tr '\\0' x; echo; exit 1\n");
    const { code, stdout, stderr, read, json, logs } = await run(
      pipeline(
        `  fan [shape=component]
  sec [prompt="Review security"]
  lint [shape=parallelogram, tool_command="sh lint.sh"]
  pick [shape=tripleoctagon, prompt="Pick the best review for $goal"]
  repair [shape=parallelogram, tool_command="true"]
  clean [shape=parallelogram, tool_command="true"]
  summary [prompt="Summarize", context.from="sec, pick"]
  start -> fan
  fan -> sec -> pick
  fan -> lint -> pick
  pick -> repair [condition="parallel.fail_count=1 && parallel.branch.lint.status=fail && parallel.success_count=1"]
  pick -> clean [condition="parallel.fail_count=0"]
  repair -> summary
  clean -> summary
  summary -> exit`,
        'goal="ship"',
      ),
    );
    expect(stderr).toBe('');
    expect(code, stdout).toBe(0);
    const checkpoint = json('checkpoint.json');
    expect(checkpoint.completed_nodes).toEqual(['start', 'fan', 'sec', 'lint', 'pick', 'repair', 'summary', 'exit']);
    expect(checkpoint.context).toMatchObject({ 'parallel.success_count': 1, 'parallel.fail_count': 1, 'parallel.branch.sec.status': 'success', 'parallel.branch.lint.status': 'fail' });
    expect(readdirSync(logs)).not.toContain('branches');
    expect(json('sec', 'status.json').outcome).toBe('success');
    expect(read('lint', 'tool_output.txt')).toContain('use {{ goal }}');

    const fanIn = read('pick', 'prompt.md');
    expect(fanIn).toContain('Pick the best review for ship');
    expect(fanIn).toContain('### branch "sec" (node "sec", success)\n[Simulated] Response for stage: sec');
    // The branch's output is data: its template syntax and $goal are printed as they came.
    expect(fanIn).toContain('### branch "lint" (node "lint", fail)\nuse {{ goal }} and $goal\n');
    expect(fanIn).toContain(`${'x'.repeat(3975)}\n[trimmed] (the first 4000 of 6025 characters are shown)`);
    expect(fanIn.trimEnd().endsWith('Reply with the id of the best candidate on the first line.')).toBe(true);

    expect(read('summary', 'prompt.md')).toBe(
      'Summarize\n\nOutputs of earlier nodes (context.from):\n\n### node "sec"\n[Simulated] Response for stage: sec\n\n### node "pick"\n[Simulated] Response for stage: pick\n',
    );
  });

  it('issue 9: loop visits are kept under <node>/visits/N/ and a loop_restart writes restart-N/checkpoint.json', async () => {
    const { code, stdout, read, json, logs } = await run(
      pipeline(`  work [prompt="Work", sim.outcomes="fail,fail,success"]
  again [shape=parallelogram, tool_command="true"]
  start -> work
  work -> work [condition="outcome=fail"]
  work -> again [condition="outcome=success"]
  again -> work [condition="internal.loop_restart_count=0", loop_restart=true]
  again -> exit [condition="internal.loop_restart_count=1"]`),
    );
    expect(code, stdout).toBe(0);
    expect(json('work', 'status.json').outcome).toBe('success');
    expect(json('work', 'visits', '1', 'status.json').notes).toBe('[Simulated] fail for stage: work (call 1)');
    expect(json('work', 'visits', '2', 'status.json').notes).toBe('[Simulated] fail for stage: work (call 2)');
    expect(readdirSync(join(logs, 'work', 'visits')).sort()).toEqual(['1', '2']);
    expect(read('work', 'visits', '1', 'prompt.md')).toBe('Work');
    const restarted = json('restart-1', 'checkpoint.json');
    expect(restarted).toMatchObject({ current_node: 'exit', completed_nodes: ['work', 'again', 'exit'] });
    expect(read('restart-1', 'checkpoint.json')).toBe(read('checkpoint.json'));
    expect(existsSync(join(logs, 'restart-1', 'work', 'visits'))).toBe(false);
  });

  it('issue 9: a failed goal gate is named in the run failure', async () => {
    const { code, stdout, stderr } = await run(
      pipeline(`  verify [shape=parallelogram, tool_command="true", goal_gate=true]
  test [shape=parallelogram, tool_command="exit 1", goal_gate=true]
  start -> verify -> test
  test -> exit [condition="outcome=fail"]`),
    );
    expect(code).not.toBe(0);
    expect(stdout + stderr).toContain('Goal gate "test" is unsatisfied (its last outcome was fail) and no retry target is set');
  });

  it('issue 9: a manager with stack.child_autostart=false and no child file compiles and runs (§4.11)', async () => {
    const dot = pipeline(
      `  watch [shape=house, stack.child_autostart=false, manager.max_cycles=2, manager.poll_interval="10ms", manager.stop_condition="graph.goal=ship"]
  start -> watch -> exit`,
      'goal="ship"',
    );
    ws.write('p.dot', dot);
    const compiled = await runBin(['compile', 'p.dot'], { cwd: ws.dir, home: ws.home });
    expect(compiled.stdout + compiled.stderr).not.toContain('manager_child_dotfile');
    expect(compiled.code).toBe(0);
    const { code, stdout, json } = await run(dot);
    expect(code, stdout).toBe(0);
    expect(json('watch', 'status.json')).toMatchObject({ outcome: 'success', notes: 'Stop condition holds: graph.goal=ship' });
  });

  it('issue 9: compile reports an unknown node in context.from with did-you-mean, at its line', async () => {
    ws.write('p.dot', pipeline(`  plan [prompt="Plan"]\n  review [prompt="Review", context.from="plan, plann"]\n  start -> plan -> review -> exit`));
    const compiled = await runBin(['compile', 'p.dot'], { cwd: ws.dir, home: ws.home });
    expect(compiled.code).not.toBe(0);
    expect(compiled.stdout + compiled.stderr).toContain('p.dot:6:');
    expect(compiled.stdout + compiled.stderr).toContain('error[context_from_exists]: Node review has context.from naming node "plann", which is not a declared node. Did you mean "plan"?');
  });
});
