import { describe, expect, it } from 'vitest';
import { preparePipeline } from '../../src/pipeline/index.js';
import { runSpecPipeline } from './spec-harness.js';

describe('decisions at the engine seams', () => {
  it('decision 21: tool_hooks are valid attributes and reach the backend with the node', async () => {
    const dot = `digraph Hooks {
      graph [tool_hooks.pre="./check-tool.sh"]
      start [shape=Mdiamond]
      exit [shape=Msquare]
      work [prompt="Do it", tool_hooks.post="./log-tool.sh"]
      start -> work -> exit
    }`;
    const { diagnostics } = preparePipeline(dot, { file: 'hooks.dot' });
    expect(diagnostics.filter((d) => d.rule === 'unknown_attribute')).toEqual([]);
    const run = await runSpecPipeline(dot);
    try {
      const request = run.backend.requests.find((r) => r.node.id === 'work');
      expect(request?.node.attrs['tool_hooks.post']?.value).toEqual({ kind: 'string', value: './log-tool.sh' });
      expect(request?.graph.attrs['tool_hooks.pre']?.value).toEqual({ kind: 'string', value: './check-tool.sh' });
    } finally {
      await run.dispose();
    }
  });

  it('decision 22: edge.selected and checkpoint.saved are emitted, every event with runId, gapless seq and a time', async () => {
    const run = await runSpecPipeline(`digraph Events {
      start [shape=Mdiamond]
      exit [shape=Msquare]
      gate [shape=diamond]
      start -> gate
      gate -> exit [condition="outcome=success"]
    }`);
    try {
      const types = run.events.map((event) => event.type);
      expect(types).toContain('edge.selected');
      expect(types).toContain('checkpoint.saved');
      expect(run.events.find((event) => event.type === 'edge.selected' && event.from === 'gate')).toMatchObject({ to: 'exit', reason: 'condition' });
      expect(run.events.map((event) => event.seq)).toEqual(run.events.map((_, i) => i + 1));
      for (const event of run.events) expect(event).toMatchObject({ runId: run.runId, at: expect.any(Number) });
      expect(await run.store.readEvents(run.runId, 0)).toEqual(run.events);
    } finally {
      await run.dispose();
    }
  });

  it('decision 28: the backend gets one request with fidelity, thread, preamble, stage dir, attempt and a signal', async () => {
    const run = await runSpecPipeline(`digraph Seam {
      graph [goal="Ship", default_fidelity="compact"]
      start [shape=Mdiamond]
      exit [shape=Msquare]
      first [prompt="One"]
      second [prompt="Two", fidelity="full", thread_id="main"]
      start -> first -> second -> exit
    }`);
    try {
      const [first, second] = run.backend.requests;
      expect(first).toMatchObject({ prompt: 'One', fidelity: 'compact', attempt: 1, runId: run.runId });
      expect(first?.stageDir.endsWith('/first')).toBe(true);
      expect(first?.signal).toBeInstanceOf(AbortSignal);
      expect(first?.preamble).toContain('Ship');
      expect(second).toMatchObject({ prompt: 'Two', fidelity: 'full', threadId: 'main' });
    } finally {
      await run.dispose();
    }
  });

  it('artifacts: a tool output too long for the context becomes an artifact, counted on run.completed', async () => {
    const run = await runSpecPipeline(`digraph Artifacts {
      start [shape=Mdiamond]
      exit [shape=Msquare]
      dump [shape=parallelogram, tool_command="head -c 100000 /dev/zero | tr '\\\\0' x"]
      start -> dump -> exit
    }`);
    try {
      expect(run.result.state).toBe('completed');
      expect(run.events.find((event) => event.type === 'run.completed')).toMatchObject({ artifactCount: 1 });
    } finally {
      await run.dispose();
    }
  });
});
