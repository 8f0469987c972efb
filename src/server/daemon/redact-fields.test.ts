import { describe, expect, it } from 'vitest';
import { redactFields } from './redact-fields.js';

describe('redactFields', () => {
  it.each([
    ['token', { token: 'abc' }, { token: '[redacted]' }],
    ['camelCase key', { apiKey: 'k', task: 3 }, { apiKey: '[redacted]', task: 3 }],
    ['secret, any case', { CLIENT_SECRET: 's' }, { CLIENT_SECRET: '[redacted]' }],
    ['password', { password: 'p', user: 'ann' }, { password: '[redacted]', user: 'ann' }],
    ['nested object', { params: { auth: { authToken: 't' }, ref: 'x' } }, { params: { auth: { authToken: '[redacted]' }, ref: 'x' } }],
    ['inside arrays', { items: [{ key: 1 }, 'plain'] }, { items: [{ key: '[redacted]' }, 'plain'] }],
    ['harmless names untouched', { method: 'task.start', pid: 12, ok: true, none: null }, { method: 'task.start', pid: 12, ok: true, none: null }],
  ])('%s', (_name, input, expected) => {
    expect(redactFields(input)).toEqual(expected);
  });

  it('does not change its input', () => {
    const input = { token: 'abc' };
    redactFields(input);
    expect(input.token).toBe('abc');
  });

  it('cuts off cycles instead of recursing forever', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    expect(JSON.stringify(redactFields(cyclic))).toContain('[too deep]');
  });
});
