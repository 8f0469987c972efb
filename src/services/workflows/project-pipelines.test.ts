import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confinedPipelineFile } from './project-pipelines.js';

describe('the pipeline file a workflow names', () => {
  it.each([
    ['review.dot', '/srv/shop/review.dot'],
    ['pipelines/review.dot', '/srv/shop/pipelines/review.dot'],
    ['./a/../review.dot', '/srv/shop/review.dot'],
    ['/srv/shop/pipelines/x.dot', '/srv/shop/pipelines/x.dot'],
    ['..shop.dot', '/srv/shop/..shop.dot'],
  ])('issue 11: %s resolves inside the project', (file, path) => {
    expect(confinedPipelineFile('/srv/shop', file)).toBe(path);
  });

  it.each(['../other.dot', 'a/../../other.dot', '/etc/passwd', '/srv/shopping/x.dot', '.', ''])('issue 11: %j is refused: it is not a file inside the project', (file) => {
    expect(() => confinedPipelineFile('/srv/shop', file)).toThrow(expect.objectContaining({ code: 'E_USAGE', message: `pipeline file "${file}" is outside the workflow's project /srv/shop` }));
  });

  it('issue 11: a symlink inside the project that leads out of it is refused; one that stays inside is followed', () => {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-pipeline-file-')));
    try {
      const project = join(base, 'shop');
      mkdirSync(join(project, 'pipelines'), { recursive: true });
      writeFileSync(join(base, 'secret.dot'), 'digraph S {}');
      writeFileSync(join(project, 'pipelines', 'review.dot'), 'digraph R {}');
      symlinkSync(join(base, 'secret.dot'), join(project, 'escape.dot'));
      symlinkSync(join(project, 'pipelines', 'review.dot'), join(project, 'review.dot'));
      expect(() => confinedPipelineFile(project, 'escape.dot')).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
      expect(confinedPipelineFile(project, 'review.dot')).toBe(join(project, 'review.dot'));
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
