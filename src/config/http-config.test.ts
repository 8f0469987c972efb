import { describe, expect, it } from 'vitest';
import { formatLocation } from '../core/index.js';
import { parseConfig } from './parse-config.js';
import { configErrorOf } from './testing/config-error-of.js';

const file = '/home/ann/.orchestra/config.yaml';

const errorOf = (text: string) => configErrorOf(text, file);

describe('issue 12: the http section of config.yaml', () => {
  it.each([
    ['host, port and origins', 'http:\n  host: 0.0.0.0\n  port: 8080\n  cors_origins: [https://app.example.com, "http://localhost:5173/"]\n', { host: '0.0.0.0', port: 8080, corsOrigins: ['https://app.example.com', 'http://localhost:5173'] }],
    ['port 0: any free port', 'http:\n  port: 0\n', { port: 0, corsOrigins: [] }],
    ['an origin with its default port is the origin a browser sends', 'http:\n  cors_origins: ["https://app.example.com:443"]\n', { corsOrigins: ['https://app.example.com'] }],
    ['an empty section', 'http: {}\n', { corsOrigins: [] }],
    ['no section', 'backend: simulation\n', { corsOrigins: [] }],
  ])('issue 12: %s', (_name, text, http) => {
    expect(parseConfig(text, file, {}, () => false).http).toEqual(http);
  });

  it.each([
    ['port too big', 'http:\n  port: 70000\n', '2:9', 'http.port: 70000 Too big: expected number to be <=65535.'],
    ['port negative', 'http:\n  port: -1\n', '2:9', 'http.port: -1 Too small: expected number to be >=0.'],
    ['port not a number', 'http:\n  port: "4777a"\n', '2:9', 'http.port: expected a number, got a string ("4777a").'],
    ['port not whole', 'http:\n  port: 47.5\n', '2:9', 'http.port: expected an int, got a number (47.5).'],
    ['empty host', 'http:\n  host: ""\n', '2:9', 'http.host: "" must not be empty.'],
    [
      'an origin with a path',
      'http:\n  cors_origins:\n    - https://app.example.com\n    - https://app.example.com/dashboard\n',
      '4:7',
      'http.cors_origins[1]: "https://app.example.com/dashboard" must be an origin: http:// or https://, a host and an optional port, with no path (https://app.example.com, http://localhost:5173).',
    ],
    ['an origin with a query', 'http:\n  cors_origins: ["https://app.example.com?x=1"]\n', '2:18', 'http.cors_origins[0]: "https://app.example.com?x=1" must be an origin: http:// or https://, a host and an optional port, with no path (https://app.example.com, http://localhost:5173).'],
    ['a host with no scheme', 'http:\n  cors_origins: [app.example.com]\n', '2:18', 'http.cors_origins[0]: "app.example.com" must be an origin: http:// or https://, a host and an optional port, with no path (https://app.example.com, http://localhost:5173).'],
    ['origins not a list', 'http:\n  cors_origins: https://app.example.com\n', '2:17', 'http.cors_origins: expected a list, got a string ("https://app.example.com").'],
    ['misspelled key', 'http:\n  cors_origin: []\n', '2:3', 'http.cors_origin: unknown key. Did you mean "cors_origins"? Allowed here: host, port, cors_origins.'],
  ])('issue 12: %s', (_name, text, position, message) => {
    const error = errorOf(text);
    expect(error.code).toBe('E_CONFIG');
    expect(error.message).toBe(message);
    expect(formatLocation(error.location!)).toBe(`${file}:${position}`);
  });
});
