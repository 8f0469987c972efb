import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { splitFrontMatter } from '../core/front-matter.js';
import type { SourceLocation } from '../core/source-location.js';
import type { Diagnostic } from '../pipeline/validate/diagnostic.js';
import { didYouMean } from '../core/closest-name.js';
import { locate } from '../config/yaml-locate.js';

/** One line of a Markdown body, with its line number in the file and whether a code fence holds it. */
export interface BodyLine {
  text: string;
  line: number;
  inFence: boolean;
}

/** The front matter of a guided workflow file: its keys, and where any of them was written. */
export interface FrontMatter {
  data: Record<string, unknown>;
  at(path: readonly PropertyKey[], at?: 'key' | 'value'): SourceLocation;
}

export interface MarkdownFile {
  file: string;
  front?: FrontMatter;
  body: BodyLine[];
  diagnostics: Diagnostic[];
}

/** `# Title` → { level: 1, title: 'Title' }; lines in a code fence are never headings. */
export function headingOf(line: BodyLine): { level: number; title: string } | undefined {
  if (line.inFence) return undefined;
  const match = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line.text);
  return match ? { level: match[1]!.length, title: match[2]!.trim() } : undefined;
}

/**
 * Cuts a Markdown file (shown as `file` in diagnostics) into its optional YAML front matter and its
 * body lines, keeping every line's number in the file.
 */
export function readMarkdownFile(file: string, text: string): MarkdownFile {
  const diagnostics: Diagnostic[] = [];
  const split = splitFrontMatter(text);
  if (split.kind === 'unclosed') {
    diagnostics.push({
      rule: 'guided_front_matter',
      severity: 'error',
      message: 'the front matter opened by "---" on line 1 is never closed.',
      loc: { file, line: 1, column: 1 },
      fix: 'Add a line "---" after the front matter, or remove the "---" on line 1.',
    });
  }
  const ok = split.kind === 'ok' ? split : undefined;
  const bodyText = ok ? ok.body : split.kind === 'missing' ? text : '';
  const front = ok ? parseFrontMatter(file, ok.yaml, diagnostics) : undefined;
  return { file, front, body: bodyLines(bodyText, ok?.bodyFirstLine ?? 1), diagnostics };
}

function bodyLines(text: string, firstLine: number): BodyLine[] {
  let fence: string | undefined;
  return text.split(/\r?\n/).map((line, index) => {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    const inFence = fence !== undefined || opener !== undefined;
    if (fence === undefined && opener !== undefined) fence = opener;
    else if (fence !== undefined && opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener) fence = undefined;
    return { text: line, line: firstLine + index, inFence };
  });
}

function parseFrontMatter(file: string, yaml: string, diagnostics: Diagnostic[]): FrontMatter | undefined {
  // One blank line stands for the opening `---`, so the parser's line numbers are the file's.
  const text = `\n${yaml}`;
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (path: readonly PropertyKey[], where: 'key' | 'value' = 'value'): SourceLocation => locate({ file, text, doc, lines }, path, where);
  const [syntax] = doc.errors;
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    diagnostics.push({
      rule: 'guided_front_matter',
      severity: 'error',
      message: `invalid YAML in the front matter: ${syntax.message.split('\n')[0] ?? ''}`,
      loc: { file, line, column: col },
      fix: 'Fix the YAML syntax; quote values that contain ": " or start with a special character.',
    });
    return undefined;
  }
  if (doc.contents === null) return { data: {}, at };
  if (!isMap(doc.contents)) {
    diagnostics.push({
      rule: 'guided_front_matter',
      severity: 'error',
      message: 'the front matter must be a mapping of keys.',
      loc: at([]),
      fix: 'Write one "key: value" per line between the "---" lines.',
    });
    return undefined;
  }
  return { data: doc.toJS() as Record<string, unknown>, at };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A front matter key the file kind does not know is most likely a typo: a warning at the key. */
export function warnUnknownKeys(front: FrontMatter, known: readonly string[], diagnostics: Diagnostic[]): void {
  for (const key of Object.keys(front.data)) {
    if (known.includes(key)) continue;
    diagnostics.push({
      rule: 'guided_front_matter',
      severity: 'warning',
      message: `unknown front matter key "${key}" (ignored).${didYouMean(key, known)}`,
      loc: front.at([key], 'key'),
      fix: `The keys this file may have: ${known.join(', ')}.`,
    });
  }
}
