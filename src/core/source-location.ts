/** A position in a source file. Lines and columns are 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export function formatLocation(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

/** The source line at `loc` with a caret under the column, for error excerpts. */
export function excerptAt(source: string, loc: SourceLocation): string {
  const lines = source.split(/\r?\n/);
  const text = lines[loc.line - 1] ?? '';
  const gutter = `${loc.line} | `;
  const width = Math.max(1, (loc.endLine === loc.line && loc.endColumn ? loc.endColumn - loc.column : 1));
  const pad = ' '.repeat(gutter.length - 2) + '| ';
  const caretPad = text.slice(0, loc.column - 1).replace(/[^\t]/g, ' ');
  return `${gutter}${text}\n${pad}${caretPad}${'^'.repeat(width)}`;
}
