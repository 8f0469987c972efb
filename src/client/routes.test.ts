import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { operations } from '../services/api/operations.js';
import { readImportGraph, reachableFrom } from '../../test/support/import-graph.js';
import { routes } from './routes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('orchestra/client routes', () => {
  it('issue 12: the client route list is the operation table: same names, methods and paths, same order', () => {
    expect(routes.map(({ name, http }) => ({ name, http }))).toEqual(operations.map(({ name, http }) => ({ name, http })));
  });

  it('issue 12: importing orchestra/client loads no server-side module (services, store, engine, server) at run time', () => {
    const loaded = reachableFrom(readImportGraph(root, 'src', { runtime: true }), 'src/client/index.ts');
    expect(loaded).toContain('src/client/routes.ts');
    expect(loaded.filter((module) => !module.startsWith('src/client/') && !module.startsWith('src/core/'))).toEqual([]);
  });

  it('issue 12: the runtime graph leaves type-only imports out, and keeps the others', () => {
    const all = readImportGraph(root, 'src/client');
    const runtime = readImportGraph(root, 'src/client', { runtime: true });
    expect(all.get('src/client/index.ts')).toContain('src/services/api/operations.ts');
    expect(runtime.get('src/client/index.ts')).not.toContain('src/services/api/operations.ts');
    expect(runtime.get('src/client/index.ts')).toContain('src/client/routes.ts');
  });
});
