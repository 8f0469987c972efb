import { describe, expect, it } from 'vitest';
import { parsePromptLayer } from './prompt-layer.js';

describe('parsePromptLayer', () => {
  it.each([
    ['seed 001 shape with system', 'role:\n  name: pr-reviewer\n  system: |\n    You are\n    a reviewer.\n', 'You are\na reviewer.\n', 4, 5],
    ['prompt key', 'role:\n  prompt: Short text\n', 'Short text', 2, 11],
    ['text key', 'role:\n  text: "Quoted"\n', 'Quoted', 2, 10],
    ['system before prompt', 'role:\n  prompt: b\n  system: a\n', 'a', 3, 11],
    ['text directly under the kind', 'role: Just this\n', 'Just this', 1, 7],
    ['no kind key', 'system: |\n  Top level\n', 'Top level\n', 2, 3],
  ])('%s', (_name, text, template, line, column) => {
    expect(parsePromptLayer('role', '/p/role.yaml', text)).toEqual({ kind: 'role', file: '/p/role.yaml', template, line, column });
  });

  it.each([
    ['no text key', 'role:\n  name: x\n', 'the role layer /p/role.yaml has no text: expected role: with system:, prompt: or text: holding a string'],
    ['a number', 'role:\n  system: 5\n', 'the role layer /p/role.yaml has no text: expected role: with system:, prompt: or text: holding a string'],
    ['empty file', '', 'the role layer /p/role.yaml has no text: expected role: with system:, prompt: or text: holding a string'],
    ['bad YAML', 'role:\n  system: "open\n', 'invalid YAML in the role layer /p/role.yaml:3:1: Missing closing "quote'],
  ])('fails on %s', (_name, text, message) => {
    expect(() => parsePromptLayer('role', '/p/role.yaml', text)).toThrow(expect.objectContaining({ code: 'E_CONFIG', message }));
  });
});
