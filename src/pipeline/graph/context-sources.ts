import { compileGlob } from '../../core/glob.js';
import { readString } from './attr-read.js';
import type { GraphNode } from './model.js';

/** One entry of a comma-separated list, with its offset in the attribute's value (for diagnostics). */
export interface ListEntry {
  value: string;
  offset: number;
}

/** What `context.files` and `context.urls` name, as the engine reads them. */
export interface ContextSources {
  files: string[];
  urls: string[];
}

/**
 * Splits `a, b/{x,y}.md` at commas outside braces, so a glob's `{x,y}` stays one entry; blanks
 * around entries are dropped, empty entries too.
 */
export function splitContextList(text: string): ListEntry[] {
  const entries: ListEntry[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const value = raw.trim();
    if (value !== '') entries.push({ value, offset: start + raw.indexOf(value) });
  };
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}' && depth > 0) depth -= 1;
    else if (text[i] === ',' && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return entries;
}

/** Why a `context.files` glob cannot be used, or undefined when it can. */
export function contextFileProblem(pattern: string): string | undefined {
  if (pattern.startsWith('/') || /^[A-Za-z]:[\\/]/.test(pattern)) return `"${pattern}" is absolute; context files are globs relative to the working directory`;
  if (pattern.split('/').includes('..')) return `"${pattern}" leaves the working directory with ".."; context files must lie inside it`;
  try {
    compileGlob(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Why a `context.urls` entry cannot be fetched, or undefined when it can. */
export function contextUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not a URL; write it whole, as https://example.com/spec.md`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `"${text}" uses ${url.protocol.slice(0, -1)}; only http and https URLs are fetched`;
  return undefined;
}

/** The node's `context.files` and `context.urls`, split; entries compile rejects are left out. */
export function readContextSources(node: GraphNode): ContextSources {
  const files = splitContextList(readString(node.attrs, 'context.files') ?? '').map((entry) => entry.value.replace(/^\.\//, ''));
  const urls = splitContextList(readString(node.attrs, 'context.urls') ?? '').map((entry) => entry.value);
  return { files: files.filter((file) => contextFileProblem(file) === undefined), urls: urls.filter((url) => contextUrlProblem(url) === undefined) };
}
