import { describe, expect, it } from 'vitest';
import { cleanLine } from './clean-line.js';

describe('cleanLine', () => {
  it.each([
    [undefined, ''],
    ['', ''],
    ['  Writing tests…  ', 'Writing tests…'],
    ['\u001b[32mgreen\u001b[0m text', 'green text'],
    ['\u001b[2K\u001b[1Gprogress 40%', 'progress 40%'],
    ['\u001b]0;window title\u0007after', 'after'],
    ['\u001b]8;;https://x.test\u001b\\link\u001b]8;;\u001b\\', 'link'],
    ['bell\u0007 and\bback', 'bell andback'],
    ['tab\tseparated\tcells', 'tab separated cells'],
    ['first\nsecond\n\n', 'second'],
    ['a\r\nb\rc', 'c'],
    ['wide    gaps   collapse', 'wide gaps collapse'],
    ['日本語 😀', '日本語 😀'],
    ['\u009b31mC1 control', '31mC1 control'],
  ])('%j is %j', (text, expected) => {
    expect(cleanLine(text)).toBe(expected);
  });
});
