import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulationBackend } from '../../../agents/simulation/index.js';
import { buildGraph, type PlainAttrs } from '../../testing/build-graph.js';
import { cleanupHarnesses, createHandlerHarness } from '../testing/index.js';
import { createCodergenHandler } from './codergen-handler.js';

afterEach(cleanupHarnesses);

async function harnessFor(attrs: PlainAttrs, attempt = 1) {
  const backend = createSimulationBackend();
  const harness = await createHandlerHarness({ graph: buildGraph({ nodes: { impl: { prompt: 'Build', ...attrs } } }), nodeId: 'impl', backend, attempt });
  return { harness, backend };
}

describe('codergen with checks', () => {
  it('returns RETRY naming the failed checks, with the verdict in the context and feedback for next time', async () => {
    const { harness } = await harnessFor({ 'check.command': 'echo no dist >&2; exit 1', 'check.file_exists': 'dist/*.js' });
    await expect(createCodergenHandler().execute(harness.input)).resolves.toEqual({
      status: 'retry',
      failureReason: 'Checks failed: file_exists: dist/*.js (no file matches dist/*.js); command: echo no dist >&2; exit 1 (exit 1)',
      contextUpdates: {
        last_stage: 'impl',
        last_response: '[Simulated] Response for stage: impl',
        'checks.passed': false,
        'checks.failed': ['file_exists: dist/*.js', 'command: echo no dist >&2; exit 1'],
      },
    });
    const feedback = await readFile(join(harness.stageDir, 'feedback.md'), 'utf8');
    expect(feedback).toContain('- command: echo no dist >&2; exit 1: exit 1\n  ```\n  no dist\n  ```');
  });

  it('puts feedback left in the stage dir (say, before a resume) into the prompt, and clears it once the checks pass', async () => {
    const { harness, backend } = await harnessFor({ 'check.command': 'true' });
    await writeFile(join(harness.stageDir, 'feedback.md'), 'Previous attempt failed these checks:\n\n- command: true: exit 1\n');
    const outcome = await createCodergenHandler().execute(harness.input);
    expect(outcome).toMatchObject({ status: 'success', contextUpdates: { 'checks.passed': true, 'checks.failed': [] } });
    expect(backend.requests[0]!.prompt).toBe('Build\n\nPrevious attempt failed these checks:\n\n- command: true: exit 1\n');
    expect(existsSync(join(harness.stageDir, 'feedback.md'))).toBe(false);
  });

  it('ignores a feedback file when the node has no checks', async () => {
    const { harness, backend } = await harnessFor({});
    await writeFile(join(harness.stageDir, 'feedback.md'), 'stale');
    await createCodergenHandler().execute(harness.input);
    expect(backend.requests[0]!.prompt).toBe('Build');
  });

  it('fails before calling the backend when check.timeout is not a duration', async () => {
    const { harness, backend } = await harnessFor({ 'check.command': 'true', 'check.timeout': 'soon' });
    const outcome = await createCodergenHandler().execute(harness.input);
    expect(outcome).toEqual({
      status: 'fail',
      failureReason: 'Attribute "check.timeout" of node "impl" (<test>:1:1) must be a duration such as 250ms, 900s, 15m, 2h or 1d, found "soon".',
    });
    expect(backend.requests).toEqual([]);
  });
});
