// The peer: LangGraph JS with its SQLite checkpointer and synchronous durability, on the same graph
// shapes as Orchestra's benchmark (a linear chain, and a fan-out / fan-in). Each node does what a
// simulated LLM node does: it records a response in the state.
import { Annotation, END, START, StateGraph } from '@langchain/langgraph';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';

const State = Annotation.Root({
  visits: Annotation({ reducer: (a, b) => a + b, default: () => 0 }),
  last_response: Annotation({ reducer: (_, b) => b, default: () => '' }),
});

const respond = (id) => () => ({ visits: 1, last_response: `[Simulated] Response for stage: ${id}` });

export function chainGraph(length) {
  const graph = new StateGraph(State);
  for (let i = 0; i < length; i++) graph.addNode(`n${i}`, respond(`n${i}`));
  graph.addEdge(START, 'n0');
  for (let i = 1; i < length; i++) graph.addEdge(`n${i - 1}`, `n${i}`);
  graph.addEdge(`n${length - 1}`, END);
  return { graph, nodeCount: length };
}

export function fanGraph(width) {
  const graph = new StateGraph(State);
  graph.addNode('fan_out', respond('fan_out'));
  graph.addNode('fan_in', respond('fan_in'));
  for (let i = 0; i < width; i++) graph.addNode(`b${i}`, respond(`b${i}`));
  graph.addEdge(START, 'fan_out');
  for (let i = 0; i < width; i++) {
    graph.addEdge('fan_out', `b${i}`);
    graph.addEdge(`b${i}`, 'fan_in');
  }
  graph.addEdge('fan_in', END);
  return { graph, nodeCount: width + 2 };
}

/** Runs the graph once against the SQLite file `dbPath`; throws unless every node ran. */
export async function runGraph({ graph, nodeCount }, dbPath) {
  const saver = SqliteSaver.fromConnString(dbPath);
  const app = graph.compile({ checkpointer: saver });
  const config = { configurable: { thread_id: 'bench' }, recursionLimit: nodeCount + 10, durability: 'sync' };
  const result = await app.invoke({ visits: 0 }, config);
  saver.db.close();
  if (result.visits !== nodeCount) throw new Error(`langgraph visited ${result.visits}, expected ${nodeCount}`);
}
