import { orchestraChain } from '/work/main/bench/orchestra-subject.js';
for (const n of [50, 200, 1000]) { const c = await orchestraChain(n); console.log('chain', n, (c/(n+2)).toFixed(3),'ms/node'); }
