import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'prompt_on_llm_nodes';

describe('decision 16: prompt_on_llm_nodes', () => {
  it.each([
    ['a prompt', 'a [prompt="Do it"]'],
    ['an explicit label', 'a [label="Write the plan"]'],
    ['a non-LLM node', 'a [shape=diamond]'],
    ['a tool node', 'a [shape=parallelogram, tool_command="true"]'],
  ])('does not fire for %s', (_, decl) => {
    expect(lintDot(pipelineDot(`${decl}\nstart -> a -> exit`), rule)).toEqual([]);
  });

  it.each([
    ['no prompt and no label', 'a'],
    ['a blank prompt', 'a [prompt="  "]'],
    ['an explicit codergen type', 'a [type="codergen", shape=diamond]'],
  ])('decision 16: warns for a codergen node with %s', (_, decl) => {
    expect(lintDot(pipelineDot(`${decl}\nstart -> a -> exit`), rule)).toEqual([
      'p.dot:5:3: warning[prompt_on_llm_nodes]: Node a is an LLM stage with neither prompt nor label, so its whole prompt would be "a".\n  fix: a [prompt="..."]',
    ]);
  });
});
