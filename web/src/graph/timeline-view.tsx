import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatDuration } from '../lib/format';
import { stateOfStatus } from '../runs/node-states';
import { axisTicks, stepZoom, timelineOf, type TimelineBar } from '../runs/timeline';
import type { NodeRecordView } from '../runs/types';

interface Props {
  nodes: readonly NodeRecordView[];
  /** Whether the run is still going: running bars grow with the clock. */
  live: boolean;
  onSelect(nodeId: string): void;
}

const fallbackWidth = 800;

/**
 * The run's nodes on a time axis: a row per node, a bar per visit or attempt (retries side by side),
 * coloured by outcome. Zoom with the buttons, or ctrl + wheel over the chart; it scrolls sideways.
 */
export function TimelineView({ nodes, live, onSelect }: Props) {
  const [zoom, setZoom] = useState(1);
  const [now, setNow] = useState(Date.now);
  const chart = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [fitWidth, setFitWidth] = useState(fallbackWidth);
  const timeline = timelineOf(nodes, now);
  const started = timeline.rows.length > 0;
  useEffect(() => {
    if (!live) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [live]);
  // A non-passive listener: React's onWheel cannot preventDefault the browser's own ctrl+wheel zoom.
  useEffect(() => {
    const element = chart.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      setZoom((current) => stepZoom(current, event.deltaY < 0 ? 1 : -1));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [started]);
  // 100% fits the span into the visible width; zooming in makes it scroll sideways.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setFitWidth(Math.max(200, element.clientWidth - 48)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [started]);
  const width = fitWidth * zoom;
  const x = (ms: number) => (ms / timeline.span) * width;
  const onKey = (event: KeyboardEvent) => {
    if (event.key === '+' || event.key === '=') setZoom((current) => stepZoom(current, 1));
    if (event.key === '-') setZoom((current) => stepZoom(current, -1));
  };
  return (
    <section className="timeline" aria-label="Timeline of the nodes" data-testid="timeline" data-zoom={zoom}>
      <div className="timeline-tools" role="group" aria-label="Zoom">
        <button type="button" onClick={() => setZoom((current) => stepZoom(current, -1))} aria-label="Zoom out">−</button>
        <span aria-live="polite" data-testid="timeline-zoom">{Math.round(zoom * 100)}%</span>
        <button type="button" onClick={() => setZoom((current) => stepZoom(current, 1))} aria-label="Zoom in">+</button>
        <button type="button" onClick={() => setZoom(1)}>Fit</button>
        <span className="muted">ctrl + wheel zooms; {formatDuration(timeline.span)} in all</span>
      </div>
      {!started ? (
        <p className="muted">No node has started yet.</p>
      ) : (
        <div className="timeline-body" ref={chart} tabIndex={0} onKeyDown={onKey} aria-label="Timeline chart (+ and − zoom)">
          <div className="timeline-labels">
            <div className="timeline-axis-gap" />
            {timeline.rows.map((row) => <div key={row.nodeId} className="timeline-label mono" title={row.nodeId}>{row.nodeId}</div>)}
          </div>
          <div className="timeline-scroll" ref={scroller}>
            <div className="timeline-chart" style={{ width: width + 40 }}>
              <div className="timeline-axis">
                {axisTicks(timeline.span, Math.max(2, Math.round(width / 120))).map((tick) => (
                  <span key={tick} className="timeline-tick" style={{ left: x(tick) }}>{formatDuration(tick)}</span>
                ))}
              </div>
              {timeline.rows.map((row) => (
                <div key={row.nodeId} className="timeline-row">
                  {row.bars.map((bar) => <Bar key={bar.index} nodeId={row.nodeId} bar={bar} left={x(bar.start)} width={Math.max(3, x(bar.end) - x(bar.start))} onSelect={onSelect} />)}
                </div>
              ))}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

function Bar({ nodeId, bar, left, width, onSelect }: { nodeId: string; bar: TimelineBar; left: number; width: number; onSelect(nodeId: string): void }) {
  const state = bar.running ? 'running' : stateOfStatus(bar.status);
  const label = `${nodeId}, attempt ${bar.attempt}: ${bar.running ? 'running' : bar.status}, ${formatDuration(bar.end - bar.start)}`;
  return (
    <button type="button" className={`timeline-bar is-${state}`} style={{ left, width }} title={label} aria-label={label} data-testid="timeline-bar" onClick={() => onSelect(nodeId)}>
      {bar.attempt > 1 && <span className="timeline-attempt">#{bar.attempt}</span>}
    </button>
  );
}
