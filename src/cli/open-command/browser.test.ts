import { describe, expect, it } from 'vitest';
import { browserOpener, openInBrowser } from './browser.js';

describe('issue 15: opening the dashboard in a browser', () => {
  it.each([
    ['linux', 'xdg-open'],
    ['darwin', 'open'],
    ['freebsd', 'xdg-open'],
    ['win32', undefined],
    ['aix', undefined],
  ] as const)('issue 15: on %s the opener is %s', (platform, opener) => {
    expect(browserOpener(platform)).toBe(opener);
  });

  it('issue 15: no opener for the platform is false (the caller prints the link), not an error', async () => {
    expect(await openInBrowser('http://127.0.0.1:1/login?code=x', 'win32')).toBe(false);
  });
});
