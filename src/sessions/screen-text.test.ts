import { describe, expect, it } from 'vitest';
import { screenText } from './screen-text.js';

describe('issue 9: screenText shows what a terminal shows', () => {
  it.each([
    ['plain lines', 'one\r\ntwo\r\n', 'one\ntwo'],
    ['a cursor move stands for spaces (stripping escapes ran the words together)', 'Write\u001b[1Cthe\u001b[1Cfile', 'Write the file'],
    ['colours vanish', '\u001b[32mgreen\u001b[0m text', 'green text'],
    ['a carriage-return redraw keeps the last write', 'working 1/3\rworking 3/3\r\ndone', 'working 3/3\ndone'],
    ['a line cleared and rewritten', 'old text\r\u001b[2Knew\r\n', 'new'],
    ['a full-screen program shows its screen, not its redraws', 'before\r\n\u001b[?1049h\u001b[H\u001b[2Jframe 1\u001b[H\u001b[2J\u001b[3;5Hframe 2', '\n\n    frame 2'],
    ['a line wider than the terminal is one line', `${'x'.repeat(45)}\r\n`, 'x'.repeat(45)],
    ['a cut escape sequence leaves nothing behind', 'text\u001b[3', 'text'],
  ])('%s', async (_name, output, expected) => {
    expect(await screenText(output, 20, 5)).toBe(expected);
  });
});
