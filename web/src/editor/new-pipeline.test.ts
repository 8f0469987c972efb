import { describe, expect, it } from 'vitest';
import { fileNameProblem, newPipelineText } from './new-pipeline';

describe('issue 15: a new pipeline from the editor', () => {
  it.each([
    ['pipelines/release-notes.dot', 'digraph ReleaseNotes {'],
    ['review.dot', 'digraph Review {'],
    ['2fa.dot', 'digraph P2fa {'],
    ['-.dot', 'digraph Pipeline {'],
  ])('issue 15: %s starts %j', (file, head) => {
    expect(newPipelineText(file).split('\n')[0]).toBe(head);
    expect(newPipelineText(file)).toContain('start -> exit');
  });

  it.each([
    ['pipelines/a.dot', undefined],
    ['a.txt', 'ends in .dot'],
    ['/etc/a.dot', 'inside the project'],
    ['../a.dot', 'inside the project'],
    ['a//b.dot', 'inside the project'],
  ])('issue 15: %s → %j', (file, problem) => {
    const found = fileNameProblem(file);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});
