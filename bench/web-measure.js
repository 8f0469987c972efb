/* global window, document, MutationObserver, PerformanceObserver, requestAnimationFrame -- these functions run in the page (addInitScript, page.evaluate) */
// In-page measurements for the dashboard benchmark, the same for the dashboard and its static peers.

/** Selectors whose counts the page watcher records: the dashboard's and the static peers'. */
export const watched = ['tr[data-run]', '[data-testid="task-card"]', '.react-flow__node', '.react-flow__edge', 'tr.peer-row', '.peer-card'];

/**
 * Installed in every document before its scripts: for each watched selector, the frame in which
 * its first element appeared and the frame in which its count last changed (ms since navigation
 * start, taken in the animation frame that paints the change).
 */
export function pageWatcher(selectors) {
  const seen = {};
  window.__bench = seen;
  let scheduled = false;
  const look = () => {
    scheduled = false;
    const now = performance.now();
    for (const selector of selectors) {
      const count = document.querySelectorAll(selector).length;
      const entry = seen[selector];
      if (count === 0 || entry?.count === count) continue;
      seen[selector] = { first: entry?.first ?? now, count, at: now };
    }
  };
  new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(look);
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Loads `url` fresh (a reload: the assets cached, as on a second visit) until `count` elements of
 * `selector` are drawn, and `then.count` of `then.selector` after them when given; in ms since
 * navigation start, `{ first, all, then }` and `measures`: the page's own User Timing measures
 * (`orchestra:*`, e.g. the graph's layout) by name, `{ duration, detail }`. `runs` times, the median kept.
 */
export async function timeRender(page, url, selector, count, runs = 5, timeout = 60_000, then = undefined) {
  const samples = [];
  for (let i = 0; i <= runs; i++) {
    // A hash of the page already open is the same document: reload it, so that every sample is a load.
    if (page.url().split('#')[0] === url.split('#')[0] && page.url() !== url) await page.goto(url);
    if (page.url() === url) await page.reload();
    else await page.goto(url);
    await page.waitForFunction(([s, n]) => window.__bench?.[s]?.count >= n, [selector, count], { timeout, polling: 50 });
    if (then) await page.waitForFunction(([s, n]) => window.__bench?.[s]?.count >= n, [then.selector, then.count], { timeout, polling: 50 });
    const seen = await page.evaluate(() => ({
      bench: window.__bench,
      measures: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('orchestra:')).map((m) => ({ name: m.name, duration: m.duration, detail: m.detail })),
    }));
    const { first, at, count: drawn } = seen.bench[selector];
    const measures = Object.fromEntries(seen.measures.map((m) => [m.name, m]));
    // The first load warms the browser's caches and JIT, as any visit but the very first finds them.
    if (i > 0) samples.push({ first, all: at, drawn, then: then ? seen.bench[then.selector].at : undefined, measures });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const names = Object.keys(samples[0].measures);
  return {
    first: median(samples.map((sample) => sample.first)),
    all: median(samples.map((sample) => sample.all)),
    then: then ? median(samples.map((sample) => sample.then)) : undefined,
    measures: Object.fromEntries(names.map((name) => [name, { duration: median(samples.map((sample) => sample.measures[name]?.duration ?? NaN)), detail: samples[0].measures[name].detail }])),
    drawn: samples[0].drawn,
    samples: samples.length,
  };
}

/**
 * Watches the page's main thread for `seconds` while a click lands every 100 ms: the longest task
 * (Long Tasks API, over 50 ms), their total, the longest gap between frames, and each click's delay
 * to its handler and to the next frame. `{ longestTask, longTasks, blocked, longestFrameGap, input: { p50, p95, max }, clicks }`.
 */
export async function watchResponsiveness(page, seconds) {
  await page.evaluate(() => {
    const state = { tasks: [], gaps: [], input: [], frame: [], stop: false };
    window.__responsive = state;
    new PerformanceObserver((list) => state.tasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const frame = (now) => {
      state.gaps.push(now - last);
      last = now;
      if (!state.stop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    document.addEventListener('pointerdown', (event) => {
      state.input.push(performance.now() - event.timeStamp);
      requestAnimationFrame(() => state.frame.push(performance.now() - event.timeStamp));
    }, true);
  });
  const until = Date.now() + seconds * 1000;
  let clicks = 0;
  while (Date.now() < until) {
    // An empty spot of the page: a real pointer event through the browser's input pipeline.
    await page.mouse.click(640, 790);
    clicks++;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const state = await page.evaluate(() => {
    const s = window.__responsive;
    s.stop = true;
    return { tasks: s.tasks, gaps: s.gaps, input: s.input, frame: s.frame };
  });
  const sorted = (values) => [...values].sort((a, b) => a - b);
  const at = (values, q) => (values.length === 0 ? 0 : sorted(values)[Math.min(values.length - 1, Math.floor(values.length * q))]);
  return {
    longestTask: Math.max(0, ...state.tasks),
    longTasks: state.tasks.length,
    blocked: state.tasks.reduce((sum, value) => sum + Math.max(0, value - 50), 0),
    longestFrameGap: Math.max(0, ...state.gaps),
    input: { p50: at(state.input, 0.5), p95: at(state.input, 0.95), max: Math.max(0, ...state.input) },
    toFrame: { p50: at(state.frame, 0.5), p95: at(state.frame, 0.95), max: Math.max(0, ...state.frame) },
    clicks,
  };
}
