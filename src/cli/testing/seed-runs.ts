import { join } from 'node:path';
import type { EventInput } from '../../store/types.js';
import type { Store } from '../../store/store.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { NewRun } from '../../store/types.js';

/** Opens the store a CLI with ORCHESTRA_HOME=`home` uses, to seed or inspect it in tests. */
export function openHomeStore(home: string): Promise<Store> {
  return openSqliteStore(join(home, 'orchestra.db'));
}

/** A run record as the engine would create it, for tests that need runs without running them. */
export function newRun(id: string, overrides: Partial<NewRun> = {}): NewRun {
  return {
    id,
    pipeline: 'Seeded',
    file: '/pipelines/seeded.dot',
    source: 'digraph Seeded {}',
    goal: 'Test the CLI',
    logsRoot: `/runs/${id}`,
    variables: {},
    options: {},
    startedAt: Date.UTC(2025, 0, 2, 3, 4, 5),
    ...overrides,
  };
}

/** The events of a small finished run: start → work → exit. */
export function finishedRunEvents(at: number): EventInput[] {
  return [
    { type: 'run.started', pipeline: 'Seeded', file: '/pipelines/seeded.dot', goal: 'Test the CLI', resumed: false, at },
    { type: 'node.started', node: 'work', index: 1, handler: 'codergen', attempt: 1, at },
    { type: 'node.completed', node: 'work', index: 1, status: 'success', durationMs: 1500, at },
    { type: 'edge.selected', from: 'work', to: 'exit', reason: 'lexical', at },
    { type: 'run.completed', status: 'success', durationMs: 2000, artifactCount: 0, at },
  ];
}
