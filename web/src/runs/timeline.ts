import type { NodeRecordView } from './types';

/*
 * The run's timeline: one row per node (in the order nodes first started), one bar per visit or
 * attempt, from its start to its end (a node still running ends at `now`). Positions are in
 * milliseconds from the run's first start; the view scales them by its zoom.
 */

export interface TimelineBar {
  index: number;
  attempt: number;
  status: string;
  start: number;
  end: number;
  running: boolean;
}

export interface TimelineRow {
  nodeId: string;
  bars: TimelineBar[];
}

export interface Timeline {
  rows: TimelineRow[];
  /** Milliseconds from the first start to the last end. */
  span: number;
  origin: number;
}

export function timelineOf(records: readonly NodeRecordView[], now: number): Timeline {
  const sorted = [...records].sort((a, b) => a.startedAt - b.startedAt || a.index - b.index);
  const origin = sorted[0]?.startedAt ?? now;
  const rows = new Map<string, TimelineRow>();
  let last = origin;
  for (const record of sorted) {
    const end = record.finishedAt ?? Math.max(now, record.startedAt);
    last = Math.max(last, end);
    const row = rows.get(record.nodeId) ?? { nodeId: record.nodeId, bars: [] };
    row.bars.push({ index: record.index, attempt: record.attempt, status: record.status, start: record.startedAt - origin, end: end - origin, running: record.finishedAt === undefined });
    rows.set(record.nodeId, row);
  }
  return { rows: [...rows.values()], span: Math.max(1, last - origin), origin };
}

export const zoomLevels = [0.25, 0.5, 1, 2, 4, 8, 16, 32] as const;

/** The next zoom level in or out from `zoom` (clamped to the levels). */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  const at = zoomLevels.findIndex((level) => level >= zoom);
  const index = Math.min(zoomLevels.length - 1, Math.max(0, (at === -1 ? zoomLevels.length - 1 : at) + direction));
  return zoomLevels[index]!;
}

/** Ticks for the axis: about `count` round steps (1, 2, 5 × a power of ten milliseconds) across the span. */
export function axisTicks(span: number, count: number): number[] {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw) ?? power * 10;
  const ticks: number[] = [];
  for (let at = 0; at <= span; at += step) ticks.push(at);
  return ticks;
}
