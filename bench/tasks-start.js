// Orchestra's side of "start 20 tasks": create them (not timed), then issue every `task.start`
// at once, each on its own connection as 20 `orchestra start` would, and time until all of them
// answered, i.e. until every task is `running` with an agent pid.
import { connectBenchDaemon, waitForTasks } from './tasks-daemon.js';

export async function createTasks(client, project, count) {
  const refs = [];
  for (let i = 1; i <= count; i++) {
    const task = await client.call('task.create', { project, slug: `bench-${i}`, description: `benchmark task ${i}`, agent: 'bench' });
    refs.push(String(task.id));
  }
  return refs;
}

export async function startTasks(bench, refs) {
  const clients = await Promise.all(refs.map(() => connectBenchDaemon(bench)));
  const failures = [];
  try {
    const began = performance.now();
    await Promise.all(refs.map((ref, i) => startWithRetries(clients[i], bench.project, ref, failures)));
    const ms = performance.now() - began;
    return { ms, failures };
  } finally {
    for (const client of clients) client.close();
  }
}

/** A start that failed is tried again, as a user would (`orchestra start` again); each failure is kept for the report. */
async function startWithRetries(client, project, ref, failures) {
  for (let attempt = 1; ; attempt++) {
    try {
      const task = await client.call('task.start', { project, ref, cols: 100, rows: 30 });
      if (task.status !== 'running' || typeof task.pid !== 'number') throw new Error(`task.start answered with task ${task.id} ${task.status}, pid ${task.pid}`);
      return;
    } catch (error) {
      failures.push({ ref, message: error.message });
      if (attempt === 5) throw error;
    }
  }
}

/** Until each agent's line is on its mirror: the daemon has parsed their output and gone quiet. */
export function waitForAgentsReady(client, project, count) {
  return waitForTasks(client, project, (tasks) => tasks.filter((t) => /bench agent \S+ ready/.test(t.lastLine ?? '')).length >= count);
}
