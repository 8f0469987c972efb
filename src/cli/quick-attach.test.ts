import { describe, expect, it } from 'vitest';
import { parseAttachArgs } from './quick-attach.js';

describe('issue 9: parseAttachArgs (the quick attach path)', () => {
  it.each([
    [['3'], { ref: '3', options: {} }],
    [['fix-docs', '--detach-key', 'ctrl-q'], { ref: 'fix-docs', options: { detachKey: 'ctrl-q' } }],
    [['--detach-key=ctrl-q', 'fix-docs'], { ref: 'fix-docs', options: { detachKey: 'ctrl-q' } }],
  ])('takes %j', (args, expected) => {
    expect(parseAttachArgs(args)).toEqual(expected);
  });

  it.each([[[]], [['--help']], [['3', '--json']], [['3', '4']], [['3', '--detach-key']], [['-h', '3']], [['3', '--detach']]])('leaves %j to the full command table', (args) => {
    expect(parseAttachArgs(args)).toBeUndefined();
  });
});
