import { applyEdit } from './apply-edit.js';
import { parseChecked } from './parse-checked.js';
import { graphOfCst } from './read-graph.js';
import type { DotEditApi, ReadResult } from './types.js';

export { applyEdit } from './apply-edit.js';
export { DotEditError } from './errors.js';
export type * from './types.js';

/** Reads the editor's graph from DOT text; `ok: false` with line and column when it does not parse. */
export function readEditorGraph(text: string): ReadResult {
  const parsed = parseChecked(text);
  return parsed.ok ? { ok: true, graph: graphOfCst(parsed.file) } : parsed;
}

/** The module's surface as one object, checked against the interface the editor was written for. */
export const dotEdit: DotEditApi = { readEditorGraph, applyEdit };
