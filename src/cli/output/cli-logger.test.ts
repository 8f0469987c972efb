import { describe, expect, it } from 'vitest';
import { createCliLogger } from './cli-logger.js';

function logged(env: Record<string, string>, quiet: boolean, log: (logger: ReturnType<typeof createCliLogger>) => void): string {
  let text = '';
  log(createCliLogger({ env, stderr: { write: (chunk: string) => (text += chunk) } }, { quiet }));
  return text;
}

describe('createCliLogger', () => {
  it('prints warnings and errors, with their fields', () => {
    expect(logged({}, false, (l) => l.warn('lease renewal slow', { ms: 900 }))).toBe('warning: lease renewal slow {"ms":900}\n');
    expect(logged({}, false, (l) => l.error('store closed'))).toBe('error: store closed\n');
  });

  it('hides debug and info unless ORCHESTRA_LOG asks for them', () => {
    expect(logged({}, false, (l) => (l.debug('d'), l.info('i')))).toBe('');
    expect(logged({ ORCHESTRA_LOG: 'info' }, false, (l) => (l.debug('d'), l.info('i')))).toBe('info: i\n');
    expect(logged({ ORCHESTRA_LOG: 'debug' }, false, (l) => (l.debug('d'), l.info('i')))).toBe('debug: d\ninfo: i\n');
  });

  it('drops warnings with --quiet, but never errors', () => {
    expect(logged({}, true, (l) => (l.warn('w'), l.error('e')))).toBe('error: e\n');
  });

  it('drops validation warnings (a `rule` field): run printed them with their position', () => {
    expect(logged({}, false, (l) => l.warn('Unknown attribute "x"', { rule: 'unknown_attribute', node: 'n' }))).toBe('');
  });
});
