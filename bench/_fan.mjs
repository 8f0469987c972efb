import { orchestraFan } from './orchestra-subject.js';
for (let i=0;i<3;i++){ const f = await orchestraFan(100); console.log('fan', (f/104).toFixed(3),'ms/node'); }
