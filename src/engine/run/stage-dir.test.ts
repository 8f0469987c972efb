import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentBackend } from '../../agents/backend.js';
import { createCodergenHandler } from '../handlers/codergen/codergen-handler.js';
import { startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness } from '../testing/engine-harness.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

const pipeline = 'digraph G { start [shape=Mdiamond]; draft [prompt="Draft it"]; done [shape=Msquare]; start -> draft -> done }';

async function runWith(backend: AgentBackend) {
  harness = await createEngineHarness({ handlers: { codergen: createCodergenHandler() } });
  const handle = await startRun({ file: pipelineFile(harness), source: pipeline }, harness.engine({ backend }));
  const result = await handle.result();
  return { result, stageDir: join(handle.logsRoot, 'draft') };
}

describe('issue 9: who creates an LLM node\'s stage directory', () => {
  it('issue 9: a backend that creates it itself is called before it exists; the mirror then makes it and writes the stage files', async () => {
    const existed: boolean[] = [];
    const { result, stageDir } = await runWith({
      name: 'own-dir',
      createsStageDir: true,
      run: async (request) => {
        existed.push(existsSync(request.stageDir));
        return 'drafted';
      },
    });
    expect(result.state).toBe('completed');
    expect(existed).toEqual([false]);
    expect(readFileSync(join(stageDir, 'prompt.md'), 'utf8')).toBe('Draft it');
    expect(readFileSync(join(stageDir, 'response.md'), 'utf8')).toBe('drafted');
    expect(JSON.parse(readFileSync(join(stageDir, 'status.json'), 'utf8'))).toMatchObject({ outcome: 'success' });
  });

  it('issue 9: a backend that does not say so finds the directory made before it is called', async () => {
    const { result, stageDir } = await runWith({
      name: 'plain',
      run: async (request) => {
        writeFileSync(join(request.stageDir, 'notes.txt'), 'mine');
        return 'drafted';
      },
    });
    expect(result.state).toBe('completed');
    expect(readFileSync(join(stageDir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(stageDir, 'response.md'), 'utf8')).toBe('drafted');
  });
});
