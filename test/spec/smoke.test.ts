import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preparePipeline } from '../../src/pipeline/index.js';
import { runSpecPipeline } from './spec-harness.js';

// The Attractor spec's smoke test (§11.13), run with the simulation backend instead of a real model.
const smokePipeline = `digraph test_pipeline {
    graph [goal="Create a hello world Python script"]
    start       [shape=Mdiamond]
    plan        [shape=box, prompt="Plan how to create a hello world script for: $goal"]
    implement   [shape=box, prompt="Write the code based on the plan", goal_gate=true, retry_target="plan"]
    review      [shape=box, prompt="Review the code for correctness"]
    done        [shape=Msquare]

    start -> plan
    plan -> implement
    implement -> review [condition="outcome=success"]
    implement -> plan   [condition="outcome=fail", label="Retry"]
    review -> done      [condition="outcome=success"]
    review -> implement [condition="outcome=fail", label="Fix"]
}
`;

describe('the spec smoke test (§11.13)', () => {
  it('parses to 5 nodes and 6 edges with no lint errors', () => {
    const { graph, diagnostics } = preparePipeline(smokePipeline, { file: 'smoke.dot' });
    expect(graph.attrs.goal?.value).toEqual({ kind: 'string', value: 'Create a hello world Python script' });
    expect(graph.nodes.size).toBe(5);
    expect(graph.edges).toHaveLength(6);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('decision 25: runs to success; completed_nodes is asserted on the checkpoint, not the outcome', async () => {
    const run = await runSpecPipeline(smokePipeline);
    try {
      expect(run.result).toMatchObject({ state: 'completed', outcome: 'success' });
      for (const node of ['plan', 'implement', 'review']) {
        for (const file of ['prompt.md', 'response.md', 'status.json']) expect(existsSync(join(run.logsRoot, node, file)), `${node}/${file}`).toBe(true);
      }
      expect(readFileSync(join(run.logsRoot, 'plan', 'prompt.md'), 'utf8')).toContain('Create a hello world Python script');
      const onDisk = JSON.parse(readFileSync(join(run.logsRoot, 'checkpoint.json'), 'utf8'));
      expect(onDisk.current_node).toBe('done');
      expect(onDisk.completed_nodes).toEqual(expect.arrayContaining(['plan', 'implement', 'review']));
      expect(onDisk.node_outcomes.implement.status).toBe('success');
      const stored = await run.store.latestCheckpoint(run.runId);
      expect(stored).toMatchObject({ currentNode: 'done', nextNode: null });
      expect(run.result).not.toHaveProperty('completedNodes');
    } finally {
      await run.dispose();
    }
  });
});
