import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'tool_command_required';

describe('tool_command_required', () => {
  it.each([
    ['a tool node with a command', 't [shape=parallelogram, tool_command="make test"]'],
    ['a codergen node without one', 't [label="T"]'],
  ])('does not fire for %s', (_, decl) => {
    expect(lintDot(pipelineDot(`${decl}\nstart -> t -> exit`), rule)).toEqual([]);
  });

  it.each([
    ['no tool_command', 't [shape=parallelogram]', 'p.dot:5:3'],
    ['type="tool" without one', 't [type="tool"]', 'p.dot:5:3'],
    ['a blank tool_command', 't [shape=parallelogram, tool_command=" "]', 'p.dot:5:27'],
  ])('errors for %s', (_, decl, at) => {
    expect(lintDot(pipelineDot(`${decl}\nstart -> t -> exit`), rule)).toEqual([
      `${at}: error[tool_command_required]: Tool node t has no tool_command, so it has nothing to run.\n  fix: t [tool_command="make test"]`,
    ]);
  });
});
