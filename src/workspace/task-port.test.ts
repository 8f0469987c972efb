import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { allocateTaskPort, DEFAULT_PORT_RANGE, preferredTaskPort } from './task-port.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function occupy(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    servers.push(server);
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve((server.address() as { port: number }).port));
  });
}

describe('allocateTaskPort', () => {
  it('returns a port in the default range', async () => {
    const port = await allocateTaskPort({ taken: [] });
    expect(port).toBeGreaterThanOrEqual(DEFAULT_PORT_RANGE[0]);
    expect(port).toBeLessThanOrEqual(DEFAULT_PORT_RANGE[1]);
  });

  it('skips ports given to other tasks and ports in use, wrapping around the range', async () => {
    const busy = await occupy();
    const range: [number, number] = [busy - 2, busy + 1];
    // busy-2 and busy-1 are taken by tasks, busy is in use: the next candidate is busy+1 (if it is free).
    const port = await allocateTaskPort({ taken: [busy - 2, busy - 1], preferred: busy - 2, range });
    expect([busy - 2, busy - 1, busy]).not.toContain(port);
    expect(port).toBe(busy + 1);
  });

  it('starts from the preferred port when it is free', async () => {
    const preferred = preferredTaskPort('/src/app#4');
    const port = await allocateTaskPort({ taken: [], preferred });
    // Another process may hold the preferred port; then the next one is used.
    expect(port - preferred).toBeGreaterThanOrEqual(0);
    expect(port - preferred).toBeLessThan(50);
  });

  it('fails clearly when every port in the range is taken or in use', async () => {
    const busy = await occupy();
    await expect(allocateTaskPort({ taken: [busy + 1], range: [busy, busy + 1] })).rejects.toMatchObject({
      code: 'E_SETUP_FAILED',
      message: `No free TCP port for the task in ${busy}–${busy + 1}: all are taken by other tasks or in use.`,
    });
  });

  it.each([
    [[0, 10]],
    [[10, 5]],
    [[1, 70000]],
    [[1.5, 10]],
  ] as [[number, number]][])('rejects the range %j', async (range) => {
    await expect(allocateTaskPort({ taken: [], range })).rejects.toMatchObject({
      code: 'E_USAGE',
      message: `Expected the port range to be two integers 1 ≤ low ≤ high ≤ 65535, got [${range[0]}, ${range[1]}].`,
    });
  });
});

describe('preferredTaskPort', () => {
  it('is stable for a key, within the range, and differs between keys', () => {
    expect(preferredTaskPort('/src/app#4')).toBe(preferredTaskPort('/src/app#4'));
    const ports = new Set(['a', 'b', 'c', 'd', 'e'].map((key) => preferredTaskPort(key, [100, 199])));
    for (const port of ports) expect(port >= 100 && port <= 199).toBe(true);
    expect(ports.size).toBeGreaterThan(1);
  });
});
