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
});
