import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'stylesheet_syntax';

describe('stylesheet_syntax', () => {
  it.each([
    ['no stylesheet', ''],
    ['a valid one', 'graph [model_stylesheet="* { llm_model: claude-sonnet-4-5; } .code { llm_model: claude-opus-4-6 }"]'],
  ])('does not fire for %s', (_, graphLine) => {
    expect(lintDot(pipelineDot('start -> exit', graphLine), rule)).toEqual([]);
  });

  it('reports the position inside the stylesheet and maps it into the DOT file', () => {
    const source = pipelineDot('start -> exit', 'graph [model_stylesheet="* { llm_model: a; } .code { modle: b }"]');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:2:56: error[stylesheet_syntax]: Model stylesheet, line 1, column 29: unknown property "modle".\n  fix: Properties are llm_model, llm_provider, reasoning_effort.',
    ]);
  });

  it('maps positions on later lines of a multi-line stylesheet', () => {
    const source = 'digraph G {\n  model_stylesheet="\n    * { llm_model: a; }\n    .code llm_model: b; }\n  "\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  start -> exit\n}\n';
    expect(lintDot(source, rule)).toEqual([
      'p.dot:4:11: error[stylesheet_syntax]: Model stylesheet, line 3, column 11: expected "{" after the selector, found "llm_model".\n  fix: Follow the selector with { property: value; }.',
    ]);
  });
});
