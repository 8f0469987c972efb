import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../../../test/support/fake-model-server/index.js';
import { parseConfig } from '../../config/parse-config.js';
import { baseUrlVerdict, checkBaseUrls } from './doctor-base-urls.js';

describe('issue 9: doctor checks base URLs by their API, and a 404 is not "answered"', () => {
  let fake: FakeModelServer;
  let notFound: Server;
  let notFoundUrl: string;
  beforeAll(async () => {
    fake = await startFakeModelServer();
    notFound = createServer((_request, response) => response.writeHead(404).end());
    await new Promise<void>((done) => notFound.listen(0, '127.0.0.1', done));
    notFoundUrl = `http://127.0.0.1:${(notFound.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await fake.close();
    await new Promise((done) => notFound.close(done));
  });

  const configWith = (baseUrl: string) => parseConfig(`providers:\n  local:\n    base_url: ${baseUrl}\n`, '/tmp/orchestra.yaml', {});

  it.each([
    ['without /v1', ''],
    ['with /v1', '/v1'],
    ['with /v1/', '/v1/'],
  ])('the fake model server %s is found at its API root', async (_what, suffix) => {
    const [check] = await checkBaseUrls(configWith(`${fake.url}${suffix}`));
    expect(check).toEqual({ area: 'base-url', name: 'providers.local.base_url', status: 'ok', detail: `${fake.url}/v1: the openai-compatible API answered GET /models (HTTP 200)` });
  });

  it('a server that answers 404 is a problem naming what it found', async () => {
    const [check] = await checkBaseUrls(configWith(`${notFoundUrl}/api`));
    expect(check?.status).toBe('problem');
    expect(check?.detail).toBe(`${notFoundUrl}/api: a server answers, but not with the openai-compatible API at this path: GET ${notFoundUrl}/api/models is HTTP 404`);
  });

  it.each<[number, 'ok' | 'problem']>([
    [200, 'ok'],
    [401, 'ok'],
    [403, 'ok'],
    [404, 'problem'],
    [500, 'problem'],
  ])('HTTP %i on GET /models is %s', (status, verdict) => {
    expect(baseUrlVerdict('providers.x.base_url', 'openai', 'http://h/v1', status).status).toBe(verdict);
  });
});
