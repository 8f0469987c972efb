import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'context_sources';

describe('issue 9: compile checks context.files and context.urls', () => {
  it.each([
    ['globs and files', 'n [prompt="p", context.files="src/**/*.ts, README.md, docs/*.{md,txt}"]'],
    ['http and https URLs', 'n [prompt="p", context.urls="https://example.com/a.md, http://127.0.0.1:8080/b"]'],
  ])('accepts %s', (_, decl) => {
    expect(lintDot(pipelineDot(`${decl}\nstart -> n -> exit`), rule)).toEqual([]);
  });

  it.each([
    ['an absolute path', 'n [prompt="p", context.files="README.md, /etc/passwd"]', 'p.dot:5:44', 'context.files of node n: "/etc/passwd" is absolute; context files are globs relative to the working directory'],
    ['a way out with ..', 'n [prompt="p", context.files="../secrets/*"]', 'p.dot:5:33', 'context.files of node n: "../secrets/*" leaves the working directory with ".."; context files must lie inside it'],
    ['an invalid glob', 'n [prompt="p", context.files="[z-a].md"]', 'p.dot:5:33', 'context.files of node n: glob "[z-a].md" is not valid'],
    ['a file URL', 'n [prompt="p", context.urls="file:///etc/passwd"]', 'p.dot:5:32', 'context.urls of node n: "file:///etc/passwd" uses file; only http and https URLs are fetched'],
    ['no URL at all', 'n [prompt="p", context.urls="https://a.example/x, example.com"]', 'p.dot:5:53', 'context.urls of node n: "example.com" is not a URL; write it whole, as https://example.com/spec.md'],
  ])('errors for %s, at the entry', (_, decl, at, message) => {
    const [diagnostic, ...rest] = lintDot(pipelineDot(`${decl}\nstart -> n -> exit`), rule);
    expect(rest).toEqual([]);
    expect(diagnostic).toContain(`${at}: error[context_sources]: ${message}`);
  });
});
