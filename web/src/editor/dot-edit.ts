/*
 * The editor's one door to the DOT editing library (src/pipeline/dot-edit): pure code shared with
 * the daemon, bundled into the dashboard, so the graph the page draws is read exactly as the
 * server reads the same text.
 */
export { applyEdit, readEditorGraph } from '../../../src/pipeline/dot-edit/index.js';
export type { DotEdit, DotEditParseError, EditorEdge, EditorGraph, EditorNode, ReadResult } from '../../../src/pipeline/dot-edit/types.js';
