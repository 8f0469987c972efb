import { langgraphChain, langgraphFan } from './langgraph-peer.js';
for (let i=0;i<2;i++){
const c = await langgraphChain(1000); console.log('chain 1000', c.toFixed(0), 'ms', (c/1000).toFixed(3),'ms/node');
const f = await langgraphFan(100); console.log('fan 100', f.toFixed(0), 'ms', (f/102).toFixed(3),'ms/node');
}
