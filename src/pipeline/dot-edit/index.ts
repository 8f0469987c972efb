import { graphOfCst } from './read-graph.js';
import { parseChecked } from './parse-checked.js';
import type { ReadResult } from './types.js';

export { DotEditError } from './errors.js';
export type * from './types.js';

/** Reads the editor's graph from DOT text; `ok: false` with line and column when it does not parse. */
export function readEditorGraph(text: string): ReadResult {
  const parsed = parseChecked(text);
  return parsed.ok ? { ok: true, graph: graphOfCst(parsed.file) } : parsed;
}
