// A whole LangGraph JS process, as its users run one: `node bench/langgraph-process.js chain 1000 DB`.
import { setMaxListeners } from 'node:events';
import { chainGraph, fanGraph, runGraph } from './langgraph-peer.js';

// LangGraph adds one abort listener per task to a shared signal; a 100-way fan trips Node's leak warning.
setMaxListeners(1000);
const [shape, size, dbPath] = process.argv.slice(2);
await runGraph(shape === 'fan' ? fanGraph(Number(size)) : chainGraph(Number(size)), dbPath);
