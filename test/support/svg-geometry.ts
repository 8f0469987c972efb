/**
 * Rough geometry of a Graphviz SVG, enough to tell whether edge labels collide with nodes, with each
 * other or with the lines of other edges. Text width is estimated from the character count (half
 * the font size per character, about Helvetica's average), which is what a reader's eye would see.
 */
export interface Box {
  owner: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface SvgGeometry {
  nodes: Box[];
  edgeLabels: Box[];
  /** Points along each edge's line, by edge group id. */
  edgeLines: Map<string, Point[]>;
}

/** Graphviz writes each node, edge and cluster as a `<g id=… class=…>` block, one element a line. */
function groups(svg: string): { id: string; kind: string; body: string }[] {
  const found: { id: string; kind: string; body: string }[] = [];
  for (const line of svg.split('\n')) {
    const header = /^<g id="([^"]+)" class="(node|edge|cluster)\b/.exec(line);
    if (header) found.push({ id: header[1] as string, kind: header[2] as string, body: '' });
    else if (found.length > 0) (found.at(-1) as { body: string }).body += `${line}\n`;
  }
  return found;
}

export function svgGeometry(svg: string): SvgGeometry {
  const geometry: SvgGeometry = { nodes: [], edgeLabels: [], edgeLines: new Map() };
  for (const { id, kind, body } of groups(svg)) {
    if (kind === 'cluster') continue;
    if (kind === 'node') {
      const points = [...body.matchAll(/(?:points|d)="([^"]+)"/g)].flatMap((match) => numberPairs(match[1] ?? ''));
      geometry.nodes.push(boundsOf(id, points));
      continue;
    }
    geometry.edgeLines.set(id, [...body.matchAll(/<path[^>]* d="([^"]+)"/g)].flatMap((match) => sampleCurve(match[1] ?? '')));
    for (const text of body.matchAll(/<text[^>]* x="([-\d.]+)" y="([-\d.]+)"[^>]*font-size="([\d.]+)">([^<]*)<\/text>/g)) {
      const [x, y, size] = [Number(text[1]), Number(text[2]), Number(text[3])];
      const half = (decodeEntities(text[4] ?? '').length * size * 0.55) / 2;
      geometry.edgeLabels.push({ owner: id, left: x - half, right: x + half, top: y - size * 0.8, bottom: y + size * 0.2 });
    }
  }
  return geometry;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export function contains(box: Box, point: Point): boolean {
  return point.x > box.left && point.x < box.right && point.y > box.top && point.y < box.bottom;
}

function numberPairs(text: string): Point[] {
  const numbers = (text.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const pairs: Point[] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) pairs.push({ x: numbers[i] as number, y: numbers[i + 1] as number });
  return pairs;
}

/** Points along a Graphviz edge path (`M p C c1 c2 p c1 c2 p …`), twenty per cubic segment. */
function sampleCurve(d: string): Point[] {
  const [start, ...rest] = numberPairs(d);
  if (!start) return [];
  const points = [start];
  let from = start;
  for (let i = 0; i + 2 < rest.length; i += 3) {
    const [c1, c2, to] = [rest[i], rest[i + 1], rest[i + 2]] as [Point, Point, Point];
    for (let step = 1; step <= 20; step++) {
      const t = step / 20;
      const u = 1 - t;
      points.push({
        x: u * u * u * from.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * to.x,
        y: u * u * u * from.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * to.y,
      });
    }
    from = to;
  }
  return points;
}

function boundsOf(owner: string, points: Point[]): Box {
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  return { owner, left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#\d+|[a-z]+);/g, 'x');
}
