import { describe, expect, it } from 'vitest';
import { slotReferences } from './reference-slots.js';

const lookup = (name: string) => (name === 'unknown' ? undefined : `<value of ${name} {{ evil }}>`);

describe('slotReferences', () => {
  it.each([
    ['plain text', 'A $a and ${b.c}.', 'A {{ s[0] }} and {{ s[1] }}.'],
    ['unknown names stay', '$unknown ${unknown}', '$unknown ${unknown}'],
    ['references inside tags stay', '{{ "$a" }}{% if "$a" %}{% endif %}{# $a #}', '{{ "$a" }}{% if "$a" %}{% endif %}{# $a #}'],
    ['raw blocks stay', '{% raw %}$a{% endraw %}$a{%- verbatim %}$a{% endverbatim -%}', '{% raw %}$a{% endraw %}{{ s[0] }}{%- verbatim %}$a{% endverbatim -%}'],
    ['a brace before a reference', '{$a}', '{{ "{" }}{{ s[0] }}}'],
    ['an unclosed tag', '$a {{ $a', '{{ s[0] }} {{ $a'],
  ])('issue 8.1: %s', (_name, text, source) => {
    const slotted = slotReferences(text, lookup, 's');
    expect(slotted.source).toBe(source);
    // The property that matters: no value is ever part of the source.
    expect(slotted.source).not.toContain('evil');
  });

  it('maps a column past replacements back to the author\'s text', () => {
    const slotted = slotReferences('x\n$a $bb {{', lookup, 's');
    expect(slotted.source).toBe('x\n{{ s[0] }} {{ s[1] }} {{');
    expect(slotted.toAuthorPosition(2, 23)).toEqual({ line: 2, column: 8 });
    expect(slotted.toAuthorPosition(1, 1)).toEqual({ line: 1, column: 1 });
  });
});
