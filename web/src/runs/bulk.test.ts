import { describe, expect, it } from 'vitest';
import { cancellable, retryWay } from './bulk';
import type { DisplayState } from './types';

describe('issue 15: bulk retry resumes what stopped and replays what ended', () => {
  it.each<[DisplayState, string | undefined, boolean]>([
    ['running', undefined, true],
    ['waiting', undefined, true],
    ['interrupted', 'resume', false],
    ['interrupted?', 'resume', false],
    ['failed', 'replay', false],
    ['completed', 'replay', false],
  ])('%s: retry by %s, cancellable %s', (state, way, cancel) => {
    expect(retryWay(state)).toBe(way);
    expect(cancellable(state)).toBe(cancel);
  });
});
