import { describeStoreConformance } from '../store.case.js';
import { createMemoryStore } from './memory-store.js';

describeStoreConformance('memory', async () => createMemoryStore());
