// The API benchmark's requests: 7 reads in 10 (GET /human-tasks, /runs, /workflows in turn) and 3
// writes, creating human tasks and answering the oldest open one (each write puts one event in the feed).

const reads = ['/human-tasks', '/runs', '/workflows'];
const form = { ok: { type: 'boolean', label: 'Fine?' } };

/** The mix's state: tasks created and not yet answered, oldest first. */
export function createMix() {
  return { open: [], reads: 0, writes: 0 };
}

/** Request number `i` of the schedule: { method, path, body, onJson(json) }. */
export function nextRequest(mix, i) {
  if (i % 10 < 7) return { method: 'GET', path: reads[mix.reads++ % reads.length] };
  mix.writes += 1;
  const id = mix.open.shift();
  if (id === undefined || mix.writes % 2 === 1) {
    if (id !== undefined) mix.open.unshift(id);
    return { method: 'POST', path: '/human-tasks', body: { title: `bench task ${i}`, form }, onJson: (task) => mix.open.push(task.id) };
  }
  return { method: 'POST', path: `/human-tasks/${id}/answer`, body: { answer: { ok: true } } };
}
