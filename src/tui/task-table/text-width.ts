import stringWidth from 'string-width';

/**
 * Terminal cell widths for a table. Widths come from `string-width` (Ink's own measure, so our
 * columns agree with what Ink lays out); cutting stays here because `cli-truncate` lets a wide
 * character straddle the edge (`日本語テキスト` cut to 6 cells gives 7), and a table row must
 * never be wider than its column.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

export function textWidth(text: string): number {
  return stringWidth(text);
}

/** Cut `text` to at most `width` cells, ending in `…` when something was cut; graphemes stay whole. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (textWidth(text) <= width) return text;
  let kept = '';
  let used = 0;
  for (const grapheme of graphemes(text)) {
    const cells = stringWidth(grapheme);
    if (used + cells > width - 1) break;
    kept += grapheme;
    used += cells;
  }
  return `${kept}…`;
}

/** Exactly `width` cells: truncated, then padded with spaces (on the left when `alignRight`). */
export function fit(text: string, width: number, alignRight = false): string {
  const cut = truncate(text, width);
  const padding = ' '.repeat(Math.max(0, width - textWidth(cut)));
  return alignRight ? padding + cut : cut + padding;
}
