import { compileGlob, splitGlobList } from '../../core/glob.js';
import { readString } from './attr-read.js';
import type { GraphNode } from './model.js';

/** What `context.files` and `context.urls` name, as the engine reads them. */
export interface ContextSources {
  files: string[];
  urls: string[];
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
  const files = splitGlobList(readString(node.attrs, 'context.files') ?? '').map((entry) => entry.value.replace(/^\.\//, ''));
  const urls = splitGlobList(readString(node.attrs, 'context.urls') ?? '').map((entry) => entry.value);
  return { files: files.filter((file) => contextFileProblem(file) === undefined), urls: urls.filter((url) => contextUrlProblem(url) === undefined) };
}
