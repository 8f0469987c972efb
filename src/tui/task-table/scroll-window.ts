export interface ScrollWindow {
  start: number;
  end: number; // exclusive
}

/**
 * Which of `count` lines fit in `height`, keeping line `focus` in view (centred when scrolling).
 * Stateless on purpose: the same data always draws the same screen.
 */
export function scrollWindow(count: number, focus: number, height: number): ScrollWindow {
  const size = Math.max(1, Math.floor(height));
  if (count <= size) return { start: 0, end: count };
  const start = Math.min(Math.max(focus - Math.floor(size / 2), 0), count - size);
  return { start, end: start + size };
}
