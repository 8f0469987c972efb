/**
 * Aligned columns separated by two spaces; the last column is not padded so that lines carry no
 * trailing blanks. Widths count code points without colour codes, which is right for what we print.
 */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((header, column) => Math.max(width(header), ...rows.map((row) => width(row[column] ?? ''))));
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - width(cell))))
      .join('  ')
      .trimEnd();
  return [render(headers), ...rows.map(render)].join('\n');
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes take no columns
const ansiPattern = /\u001b\[[0-9;]*m/g;

function width(text: string): number {
  return [...text.replace(ansiPattern, '')].length;
}
