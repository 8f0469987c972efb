import { describe, expect, it } from 'vitest';
import { formatTable } from './table.js';

describe('formatTable', () => {
  it('aligns columns on the widest cell and leaves no trailing blanks', () => {
    expect(formatTable(['ID', 'STATE', 'NODE'], [['r1', 'running', 'plan'], ['r22', 'interrupted?', '']])).toBe(
      ['ID   STATE         NODE', 'r1   running       plan', 'r22  interrupted?'].join('\n'),
    );
  });

  it('prints only the header when there are no rows', () => {
    expect(formatTable(['A', 'B'], [])).toBe('A  B');
  });

  it('does not count colour codes', () => {
    expect(formatTable(['S', 'N'], [['\u001b[32mok\u001b[39m', 'a'], ['fail', 'b']])).toBe(['S     N', '\u001b[32mok\u001b[39m    a', 'fail  b'].join('\n'));
  });

  it('counts a multi-byte character as one column', () => {
    expect(formatTable(['X', 'Y'], [['✓', 'a'], ['ab', 'b']])).toBe(['X   Y', '✓   a', 'ab  b'].join('\n'));
  });
});
