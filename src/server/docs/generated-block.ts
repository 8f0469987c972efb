/**
 * A block of a docs page generated from code (docs/mcp.md's tools, docs/api.md's routes): it sits
 * between two HTML comments that name what writes it, so a page keeps its prose around a part that
 * cannot drift. A test compares the page with the block freshly rendered; an npm script rewrites it.
 */
export interface GeneratedBlock {
  /** `<!-- generated: … -->`, the first line of the block. */
  start: string;
  /** `<!-- end of generated … -->`, its last line. */
  end: string;
}

/** `page` with its block replaced by `block` (which holds the markers); the page must hold them, in order. */
export function replaceGeneratedBlock(page: string, markers: GeneratedBlock, block: string): string {
  const start = page.indexOf(markers.start);
  const end = page.indexOf(markers.end);
  if (start < 0 || end < start) throw new Error(`the page lost its generated-block markers (${markers.start})`);
  return page.slice(0, start) + block + page.slice(end + markers.end.length);
}

/** `text` as one cell of a markdown table: its pipes escaped, on one line. */
export function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
