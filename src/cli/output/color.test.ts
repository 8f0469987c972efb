import { describe, expect, it } from 'vitest';
import { createPalette, shouldUseColor } from './color.js';

describe('shouldUseColor', () => {
  it.each([
    ['a terminal, plain environment', true, {}, true],
    ['not a terminal', false, {}, false],
    ['NO_COLOR set', true, { NO_COLOR: '1' }, false],
    ['NO_COLOR beats FORCE_COLOR', true, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['FORCE_COLOR without a terminal', false, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=0', true, { FORCE_COLOR: '0' }, false],
    ['CI', true, { CI: 'true' }, false],
    ['CI=false is not CI', true, { CI: 'false' }, true],
    ['Claude Code', true, { CLAUDECODE: '1' }, false],
    ['another agent', true, { AI_AGENT: 'x' }, false],
    ['dumb terminal', true, { TERM: 'dumb' }, false],
    ['empty NO_COLOR is unset', true, { NO_COLOR: '' }, true],
  ])('%s', (_name, isTTY, env, expected) => {
    expect(shouldUseColor({ isTTY }, env)).toBe(expected);
  });
});

describe('createPalette', () => {
  it('wraps text in ANSI codes only when enabled', () => {
    expect(createPalette(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(createPalette(false).red('x')).toBe('x');
  });
});
