export { frontMatterFirstLine, splitFrontMatter, type FrontMatterSplit } from '../core/front-matter.js';

/** The description as stored: without the blank lines that separate it from the front matter, nor trailing whitespace. */
export function normalizeDescription(body: string): string {
  return body.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
}
