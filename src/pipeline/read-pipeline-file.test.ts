import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxPipelineFileBytes, readPipelineFile } from './read-pipeline-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orchestra-read-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('issue 8.14: readPipelineFile limits', () => {
  it('reads a file of exactly the limit', async () => {
    const file = join(dir, 'edge.dot');
    writeFileSync(file, '');
    truncateSync(file, maxPipelineFileBytes);
    expect((await readPipelineFile(file)).length).toBe(maxPipelineFileBytes);
  });

  it('refuses a file one byte over the limit, naming it as shown and the limit', async () => {
    const file = join(dir, 'huge.dot');
    writeFileSync(file, '');
    truncateSync(file, maxPipelineFileBytes + 1);
    await expect(readPipelineFile(file, 'huge.dot')).rejects.toMatchObject({
      code: 'E_FILE_READ',
      message: `Cannot read pipeline huge.dot: it is ${maxPipelineFileBytes + 1} bytes, more than the limit of ${maxPipelineFileBytes} bytes (10 MiB).`,
    });
  });
});
