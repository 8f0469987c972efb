import { describe, expect, it } from 'vitest';
import { looksLikePrompt, promptPatterns } from './prompt-patterns.js';

// One line per pattern, so a pattern that stops matching (or a new one without a case) shows up.
const examples: Record<string, string> = {
  question: 'Proceed with the change?',
  colon: 'Enter the branch name:',
  angle: '>',
  'yes-no': 'Overwrite the file? [Y/n]',
  'single-chevron': 'Select a model ›',
  'heavy-chevron': '❯',
  'press-enter': 'Press Enter to continue…',
  'confirm-footer': 'Enter to confirm · Esc to cancel',
};

describe('promptPatterns', () => {
  it('has an example for every pattern', () => {
    expect(Object.keys(examples).sort()).toEqual(promptPatterns.map(({ name }) => name).sort());
  });

  it.each(promptPatterns.map(({ name, pattern }) => [name, pattern] as const))('%s matches its example', (name, pattern) => {
    expect(pattern.test(examples[name] ?? '')).toBe(true);
  });
});

describe('looksLikePrompt', () => {
  it.each([
    ['Proceed with the change? (y/n)', true],
    ['Continue (yes/no)', true],
    ['Delete it (Y/N)', true],
    ['Anything else?', true],
    ['  Anything else?   ', true],
    ['Password:', true],
    ['opencode >', true],
    ['press return when ready', true],
    // issue 9: Claude Code's folder-trust dialog ends in this footer
    ['Enter to confirm · Esc to cancel', true],
    ['Entering the confirm step', false],
    ['', false],
    ['   ', false],
    ['working step 2/4', false],
    ['done', false],
    ['Wrote 3 files.', false],
    ['╰──────────────╯', false],
    ['Is it? no, it is not', false],
  ])('%j → %s', (line, expected) => {
    expect(looksLikePrompt(line)).toBe(expected);
  });
});
