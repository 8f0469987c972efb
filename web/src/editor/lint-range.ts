/*
 * Where a validator diagnostic sits in the text: its line and column (1-based) as offsets, spanning
 * the word at the column (or the whole line when it names no column), so the code view can
 * underline it. A line past the end (the text changed since) clamps to the last line.
 */

export interface DiagnosticView {
  severity: 'error' | 'warning' | 'info';
  message: string;
  rule: string;
  line?: number;
  column?: number;
  node?: string;
}

export function rangeOfDiagnostic(text: string, diagnostic: Pick<DiagnosticView, 'line' | 'column'>): { from: number; to: number } {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  const lineIndex = Math.min(Math.max((diagnostic.line ?? 1) - 1, 0), starts.length - 1);
  const lineStart = starts[lineIndex]!;
  const lineEnd = lineIndex + 1 < starts.length ? starts[lineIndex + 1]! - 1 : text.length;
  if (diagnostic.column === undefined) {
    const indent = text.slice(lineStart, lineEnd).search(/\S/);
    return { from: indent < 0 ? lineStart : lineStart + indent, to: lineEnd };
  }
  const from = Math.min(lineStart + Math.max(diagnostic.column - 1, 0), lineEnd);
  const word = /^[\w.]+|^"(?:[^"\\]|\\.)*"?|^\S/.exec(text.slice(from, lineEnd));
  return { from, to: from + (word?.[0].length ?? 0) };
}

/** The worst diagnostic of each node it names, for the markers on the graph. */
export function diagnosticsByNode(diagnostics: readonly DiagnosticView[]): Map<string, DiagnosticView[]> {
  const byNode = new Map<string, DiagnosticView[]>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.node === undefined) continue;
    const list = byNode.get(diagnostic.node) ?? [];
    list.push(diagnostic);
    byNode.set(diagnostic.node, list);
  }
  for (const list of byNode.values()) list.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return byNode;
}

const rank: Readonly<Record<DiagnosticView['severity'], number>> = { error: 0, warning: 1, info: 2 };
