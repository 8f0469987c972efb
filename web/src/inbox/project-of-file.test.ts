import { describe, expect, it } from 'vitest';
import { projectOfFile } from './project-of-file';

const projects = ['/src/shop', '/src/shop/tools', '/src/shopping'];

describe("issue 15: the project of a gate's run", () => {
  it.each<[string, string | undefined]>([
    ['/src/shop/release.dot', '/src/shop'],
    ['/src/shop/(source).dot', '/src/shop'],
    ['/src/shop/tools/flows/build.dot', '/src/shop/tools'],
    ['/src/shopping/x.dot', '/src/shopping'],
    ['/src/shopx/x.dot', undefined],
    ['/elsewhere/x.dot', undefined],
  ])('issue 15: %s is in %s', (file, project) => {
    expect(projectOfFile(projects, file)).toBe(project);
  });
});
