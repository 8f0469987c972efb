import { describe, expect, it } from 'vitest';
import { fitOutputs, trimmedMarker } from './output-budget.js';
import { renderOutputSection } from './output-section.js';

const budget = { perOutputChars: 10, totalChars: 24 };

describe('issue 9: upstream outputs within a budget', () => {
  it.each([
    ['short outputs stay whole', ['abc', 'de'], ['abc', 'de'], [0, 0]],
    ['one over the per-output limit is cut with the marker', ['0123456789AB'], [`0123456789\n${trimmedMarker(10, 12)}`], [2]],
    ['three share the total evenly (8 each)', ['0123456789', 'ab', 'x'], [`01234567\n${trimmedMarker(8, 10)}`, 'ab', 'x'], [2, 0, 0]],
    ['trailing whitespace is not counted', ['abc   \n\n'], ['abc'], [0]],
    ['nothing', [], [], []],
  ])('%s', (_, texts, expected, cuts) => {
    const fitted = fitOutputs(texts.map((text, i) => ({ label: `n${i}`, text })), budget);
    expect(fitted.map((f) => f.text)).toEqual(expected);
    expect(fitted.map((f) => f.cut)).toEqual(cuts);
  });

  it('the marker says [trimmed] and how much is shown', () => {
    expect(trimmedMarker(4000, 9000)).toBe('[trimmed] (the first 4000 of 9000 characters are shown)');
  });

  it('a section prints outputs literally: template syntax and $names in them are data', () => {
    const section = renderOutputSection('Outputs:', [
      { label: 'node "a"', text: 'use {{ goal }} and {% if x %}y{% endif %} and $goal' },
      { label: 'node "$b"', text: '${context.secret}' },
    ]);
    expect(section.text).toBe('Outputs:\n\n### node "a"\nuse {{ goal }} and {% if x %}y{% endif %} and $goal\n\n### node "$b"\n${context.secret}');
    expect(section.trimmed).toEqual([]);
  });

  it('names the outputs it trimmed', () => {
    expect(renderOutputSection('Outputs:', [{ label: 'node "long"', text: 'x'.repeat(30) }], budget).trimmed).toEqual(['node "long"']);
  });
});
