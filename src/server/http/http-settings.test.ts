import { describe, expect, it } from 'vitest';
import { httpSettings, type HttpSettingsSources } from './http-settings.js';

const config = { host: '0.0.0.0', port: 8080, corsOrigins: ['https://app.example.com'] };

describe('issue 12: where the HTTP API listens: flags, then environment, then config.yaml, then defaults', () => {
  it.each<[string, HttpSettingsSources, ReturnType<typeof httpSettings>]>([
    ['defaults', { flags: {}, env: {} }, { host: '127.0.0.1', corsOrigins: [] }],
    ['config.yaml', { flags: {}, env: {}, config }, { host: '0.0.0.0', port: 8080, corsOrigins: ['https://app.example.com'] }],
    ['environment over config.yaml', { flags: {}, env: { ORCHESTRA_HTTP_HOST: '10.0.0.2', ORCHESTRA_HTTP_PORT: '9000' }, config }, { host: '10.0.0.2', port: 9000, corsOrigins: ['https://app.example.com'] }],
    ['flags over environment', { flags: { host: '127.0.0.2', port: 0 }, env: { ORCHESTRA_HTTP_HOST: '10.0.0.2', ORCHESTRA_HTTP_PORT: '9000' }, config }, { host: '127.0.0.2', port: 0, corsOrigins: ['https://app.example.com'] }],
    ['each setting from its own first source', { flags: { port: 7000 }, env: { ORCHESTRA_HTTP_HOST: '' }, config: { host: '0.0.0.0', corsOrigins: [] } }, { host: '0.0.0.0', port: 7000, corsOrigins: [] }],
    ['an empty variable is not set', { flags: {}, env: { ORCHESTRA_HTTP_PORT: '', ORCHESTRA_HTTP_HOST: ' ' }, config }, { host: '0.0.0.0', port: 8080, corsOrigins: ['https://app.example.com'] }],
  ])('issue 12: %s', (_name, sources, expected) => {
    expect(httpSettings(sources)).toEqual(expected);
  });

  it('issue 12: a bad ORCHESTRA_HTTP_PORT is E_USAGE naming the variable', () => {
    expect(() => httpSettings({ flags: {}, env: { ORCHESTRA_HTTP_PORT: 'http' } })).toThrow(expect.objectContaining({ code: 'E_USAGE', message: expect.stringContaining('ORCHESTRA_HTTP_PORT') }));
  });
});
