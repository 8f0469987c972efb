// The peer: LangGraph JS with its SQLite checkpointer and synchronous durability, on the same
// graph shapes as Orchestra's benchmark (a linear chain, and a fan-out / fan-in of no-op nodes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotation, END, START, StateGraph } from '@langchain/langgraph';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';

const State = Annotation.Root({
  visits: Annotation({ reducer: (a, b) => a + b, default: () => 0 }),
});

const noop = () => ({ visits: 1 });

function chainGraph(length) {
  const graph = new StateGraph(State);
  for (let i = 0; i < length; i++) graph.addNode(`n${i}`, noop);
  graph.addEdge(START, 'n0');
  for (let i = 1; i < length; i++) graph.addEdge(`n${i - 1}`, `n${i}`);
  graph.addEdge(`n${length - 1}`, END);
  return graph;
}

function fanGraph(width) {
  const graph = new StateGraph(State);
  graph.addNode('fan_out', noop);
  graph.addNode('fan_in', noop);
  for (let i = 0; i < width; i++) graph.addNode(`b${i}`, noop);
  graph.addEdge(START, 'fan_out');
  for (let i = 0; i < width; i++) {
    graph.addEdge('fan_out', `b${i}`);
    graph.addEdge(`b${i}`, 'fan_in');
  }
  graph.addEdge('fan_in', END);
  return graph;
}

/** Runs the graph once with a fresh SQLite file; returns wall time in ms and node count. */
async function timeGraph(graph, nodeCount) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-langgraph-'));
  try {
    const saver = SqliteSaver.fromConnString(join(dir, 'checkpoints.db'));
    const app = graph.compile({ checkpointer: saver });
    const config = { configurable: { thread_id: 'bench' }, recursionLimit: nodeCount + 10, durability: 'sync' };
    const started = performance.now();
    const result = await app.invoke({ visits: 0 }, config);
    const elapsed = performance.now() - started;
    if (result.visits !== nodeCount) throw new Error(`langgraph visited ${result.visits}, expected ${nodeCount}`);
    saver.db.close();
    return elapsed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function langgraphChain(length) {
  return timeGraph(chainGraph(length), length);
}

export async function langgraphFan(width) {
  return timeGraph(fanGraph(width), width + 2);
}
