/* global window, document, MutationObserver, PerformanceObserver, requestAnimationFrame -- these functions run in the page (addInitScript, page.evaluate) */
// In-page measurements for the dashboard benchmark, the same for the dashboard and its static peers.

/** Selectors whose counts the page watcher records: the dashboard's and the static peers'. */
export const watched = ['tr[data-run]', '[data-testid="task-card"]', '.react-flow__node', 'tr.peer-row', '.peer-card'];

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
 * `selector` are drawn; `{ first, all }` in ms since navigation start. `runs` times, the median kept.
 */
export async function timeRender(page, url, selector, count, runs = 5, timeout = 60_000) {
  const samples = [];
  for (let i = 0; i <= runs; i++) {
    if (page.url() === url) await page.reload();
    else await page.goto(url);
    await page.waitForFunction(([s, n]) => window.__bench?.[s]?.count >= n, [selector, count], { timeout, polling: 50 });
    const { first, at, count: drawn } = await page.evaluate((s) => window.__bench[s], selector);
    // The first load warms the browser's caches and JIT, as any visit but the very first finds them.
    if (i > 0) samples.push({ first, all: at, drawn });
  }
  const median = (key) => samples.map((sample) => sample[key]).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  return { first: median('first'), all: median('all'), drawn: samples[0].drawn, samples: samples.length };
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
