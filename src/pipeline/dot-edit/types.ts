/*
 * The pipeline editor's view of a DOT file (issue 15): the text stays the source of truth. The
 * editor draws `EditorGraph` (read from the text) and changes the file only through `DotEdit`s,
 * each a small splice of the text's syntax tree, so comments, order and formatting the edit did
 * not touch are kept byte for byte. Pure: no Node built-ins, so the dashboard bundles it.
 */

/** 1-based, as in every diagnostic. */
export interface TextSpan {
  line: number;
  column: number;
  /** Offsets in the text: `text.slice(start, end)` is the span. */
  start: number;
  end: number;
}

export interface EditorNode {
  id: string;
  /** The attributes as the file writes them on this node's statements (later ones win), unquoted. */
  attrs: Readonly<Record<string, string>>;
  /** From `pos="x,y"` (or `"x,y!"`, pinned): where the user put it. */
  pos?: { x: number; y: number; pinned: boolean };
  /** The node's first statement (or its first mention in an edge when it has none). */
  span: TextSpan;
  /** The enclosing subgraph's id, for nodes declared inside one. */
  subgraph?: string;
}

export interface EditorEdge {
  /** Stable within one reading of the text: `${from}->${to}#${n}` with n counting repeats of the pair. */
  id: string;
  from: string;
  to: string;
  attrs: Readonly<Record<string, string>>;
  span: TextSpan;
}

export interface EditorGraph {
  name: string;
  /** Graph attributes (`graph [...]` and `key=value` at the top level), unquoted. */
  attrs: Readonly<Record<string, string>>;
  nodes: readonly EditorNode[];
  edges: readonly EditorEdge[];
}

/** The text does not parse: the editor shows this and keeps the text as typed. */
export interface DotEditParseError {
  message: string;
  line: number;
  column: number;
}

export type ReadResult = { ok: true; graph: EditorGraph } | { ok: false; error: DotEditParseError };

/** `value: undefined` removes the attribute. Values are plain text: quoting and escaping are the edit's job. */
export type DotEdit =
  | { kind: 'add-node'; id: string; attrs?: Readonly<Record<string, string>> }
  | { kind: 'remove-node'; id: string }
  | { kind: 'set-node-attr'; id: string; key: string; value: string | undefined }
  | { kind: 'set-pos'; id: string; x: number; y: number }
  | { kind: 'add-edge'; from: string; to: string; attrs?: Readonly<Record<string, string>> }
  | { kind: 'remove-edge'; edge: string }
  | { kind: 'set-edge-attr'; edge: string; key: string; value: string | undefined }
  | { kind: 'set-graph-attr'; key: string; value: string | undefined };

/** The module's surface (implemented in ./index.ts). */
export interface DotEditApi {
  /** Reads the editor's graph from DOT text. */
  readEditorGraph(text: string): ReadResult;
  /**
   * Applies one edit and returns the new text; everything outside the edited statements is unchanged.
   * Throws DotEditError (with a message naming the node/edge/attribute) for an edit that cannot apply
   * (unknown node, a duplicate id, an id that is not a valid DOT id, text that does not parse).
   */
  applyEdit(text: string, edit: DotEdit): string;
}
