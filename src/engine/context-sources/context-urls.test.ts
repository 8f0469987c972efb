import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulationBackend } from '../../agents/simulation/index.js';
import { createCodergenHandler } from '../handlers/codergen/codergen-handler.js';
import { cleanupHarnesses, createHandlerHarness } from '../handlers/testing/index.js';
import { buildGraph } from '../testing/build-graph.js';
import { buildNodeContext, contextUrlDir } from './node-context.js';

let server: Server;
let base: string;
const hits: string[] = [];
const hanging: ServerResponse[] = [];

beforeEach(async () => {
  hits.length = 0;
  server = createServer((request, response) => {
    hits.push(request.url ?? '');
    if (request.url === '/spec.md') response.writeHead(200, { 'content-type': 'text/markdown' }).end('# Spec\nUse {{ goal }} and $goal literally.\n');
    else if (request.url === '/big') response.writeHead(200, { 'content-type': 'text/plain' }).end('b'.repeat(5_000));
    else if (request.url === '/slow') hanging.push(response.writeHead(200, { 'content-type': 'text/plain' }));
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const response of hanging.splice(0)) response.destroy();
  await new Promise((resolve) => server.close(resolve));
  await cleanupHarnesses();
});

async function harnessFor(urls: string) {
  const graph = buildGraph({ attrs: { goal: 'Ship v2' }, nodes: { plan: { prompt: 'Plan $goal.', 'context.urls': urls } } });
  return createHandlerHarness({ graph, nodeId: 'plan', backend: createSimulationBackend() });
}

describe('issue 9: context.urls', () => {
  it('fetches a URL once per run, records it in the run directory and inlines it as data', async () => {
    const harness = await harnessFor(`${base}/spec.md`);
    await createCodergenHandler().execute(harness.input);
    await createCodergenHandler().execute(harness.input); // a retry or a loop's next visit
    expect(hits).toEqual(['/spec.md']);
    const prompt = await readFile(join(harness.stageDir, 'prompt.md'), 'utf8');
    expect(prompt).toBe(`Plan Ship v2.\n\n## Context URLs\n\n### ${base}/spec.md (HTTP 200, text/markdown)\n\n\`\`\`\n# Spec\nUse {{ goal }} and $goal literally.\n\`\`\``);
    const recorded = (await readdir(contextUrlDir(harness.input.run.logsRoot))).sort();
    expect(recorded).toHaveLength(2);
    const record = JSON.parse(await readFile(join(contextUrlDir(harness.input.run.logsRoot), recorded.find((name) => name.endsWith('.json'))!), 'utf8'));
    expect(record).toEqual({ url: `${base}/spec.md`, status: 200, contentType: 'text/markdown', bytes: 43, truncated: false });
  });

  it('keeps the first bytes of a body over the size limit, with a warning', async () => {
    const harness = await harnessFor(`${base}/big`);
    const block = await buildNodeContext(harness.input, { urlLimits: { maxBytes: 1_000, timeoutMs: 5_000 } });
    expect(block.text).toContain(`### ${base}/big (HTTP 200, text/plain, first 1000 bytes)\n\n\`\`\`\n${'b'.repeat(1_000)}\n\`\`\``);
    expect(block.warnings).toEqual([`context.urls: ${base}/big is larger than 1000 bytes; its first 1000 bytes are used`]);
  });

  it('gives up on a URL past the time limit, and an HTTP error is named, not inlined', async () => {
    const harness = await harnessFor(`${base}/slow, ${base}/gone`);
    const block = await buildNodeContext(harness.input, { urlLimits: { maxBytes: 1_000, timeoutMs: 300 } });
    expect(block.warnings).toEqual([`context.urls: ${base}/slow could not be fetched: took longer than 0.3 s`, `context.urls: ${base}/gone HTTP 404, text/plain`]);
    expect(block.text).toBe(`## Context URLs\n\n### ${base}/slow (could not be fetched: took longer than 0.3 s)\n\n### ${base}/gone (HTTP 404, text/plain)`);
  });
});
