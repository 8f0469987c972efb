import { describe, expect, it } from 'vitest';
import { redact } from './redact.js';

const hook = 'https://hooks.slack.com/services/T000/B000/XXXXSECRET';

describe('issue 10: redact', () => {
  it.each([
    ['a whole URL', `POST ${hook} failed`, [hook], 'POST [redacted] failed'],
    ['the path of a URL secret alone', 'no such hook: /services/T000/B000/XXXXSECRET', [hook], 'no such hook: [redacted]'],
    ['a plain secret, every time', 'key s3cr3t-value, again s3cr3t-value', ['s3cr3t-value'], 'key [redacted], again [redacted]'],
    ['short values are left alone (they would blank common words)', 'the abc failed', ['abc'], 'the abc failed'],
    ['nothing to hide', 'connect ECONNREFUSED 127.0.0.1:9', [], 'connect ECONNREFUSED 127.0.0.1:9'],
  ])('%s', (_label, text, secrets, expected) => {
    expect(redact(text, secrets)).toBe(expected);
  });
});
