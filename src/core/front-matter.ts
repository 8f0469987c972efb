/**
 * A Markdown file cut into its YAML front matter and body (task files, guided workflow files): the
 * split only; each reader parses the YAML itself.
 */
export type FrontMatterSplit =
  | { kind: 'ok'; yaml: string; body: string; /** The file's line the body starts on (1-based). */ bodyFirstLine: number }
  /** Line 1 is not `---`. */
  | { kind: 'missing' }
  /** Line 1 is `---` but no later line closes the block. */
  | { kind: 'unclosed' };

/** The YAML between the `---` lines starts on this line of the file. */
export const frontMatterFirstLine = 2;

const delimiter = /^---[ \t]*\r?$/;
// Editors on Windows may save a byte order mark before the first `---`.
const openingDelimiter = /^\uFEFF?---[ \t]*\r?$/;

/**
 * Splits `text` at the front matter delimiters: `---` on line 1 and the next line that is `---`.
 * The YAML keeps its exact text so positions in it map back to the file (line + 1, same column).
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.split('\n');
  if (!openingDelimiter.test(lines[0] ?? '')) return { kind: 'missing' };
  let offset = (lines[0] ?? '').length + 1;
  const yamlStart = offset;
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (delimiter.test(line)) {
      return { kind: 'ok', yaml: text.slice(yamlStart, offset), body: text.slice(offset + line.length + 1), bodyFirstLine: index + 2 };
    }
    offset += line.length + 1;
  }
  return { kind: 'unclosed' };
}
