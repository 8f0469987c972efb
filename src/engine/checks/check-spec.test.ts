import { describe, expect, it } from 'vitest';
import { buildNode, type PlainAttrs } from '../testing/build-graph.js';
import { checkName, resolveChecks, type ResolvedChecks } from './check-spec.js';

describe('resolveChecks', () => {
  it.each<[string, PlainAttrs, ResolvedChecks]>([
    ['no checks', { prompt: 'x' }, { checks: [], timeoutMs: 600_000 }],
    [
      'every kind, in run order, whatever the attribute order',
      { 'check.critic': 'Empty input?', 'check.tests': 'npx vitest run', 'check.command': 'npm run lint', 'check.file_exists': 'dist/*.js' },
      {
        checks: [
          { kind: 'file_exists', pattern: 'dist/*.js' },
          { kind: 'command', command: 'npm run lint' },
          { kind: 'tests', command: 'npx vitest run' },
          { kind: 'critic', question: 'Empty input?', model: 'smart' },
        ],
        timeoutMs: 600_000,
      },
    ],
    ['several globs, blanks dropped', { 'check.file_exists': ' a.txt, ,b/*.md ,' }, { checks: [{ kind: 'file_exists', pattern: 'a.txt' }, { kind: 'file_exists', pattern: 'b/*.md' }], timeoutMs: 600_000 }],
    ['issue 9: a glob with {a,b} stays one check', { 'check.file_exists': 'dist/*.{js,mjs}, README.md' }, { checks: [{ kind: 'file_exists', pattern: 'dist/*.{js,mjs}' }, { kind: 'file_exists', pattern: 'README.md' }], timeoutMs: 600_000 }],
    ['a critic tier and a timeout', { 'check.critic': 'Q', 'check.critic_model': 'cheap', 'check.timeout': '30s' }, { checks: [{ kind: 'critic', question: 'Q', model: 'cheap' }], timeoutMs: 30_000 }],
    ['blank attributes count as absent', { 'check.command': '  ', 'check.tests': '', 'check.critic': ' ' }, { checks: [], timeoutMs: 600_000 }],
  ])('%s', (_name, attrs, expected) => {
    expect(resolveChecks(buildNode('impl', attrs))).toEqual(expected);
  });

  it('refuses a check.timeout that is not a duration, naming the node', () => {
    expect(() => resolveChecks(buildNode('impl', { 'check.timeout': 'soon' }))).toThrow(
      expect.objectContaining({ code: 'E_ATTRIBUTE_TYPE', message: 'Attribute "check.timeout" of node "impl" (<test>:1:1) must be a duration such as 250ms, 900s, 15m, 2h or 1d, found "soon".' }),
    );
  });
});

describe('checkName', () => {
  it.each([
    [{ kind: 'file_exists', pattern: 'dist/*.js' } as const, 'file_exists: dist/*.js'],
    [{ kind: 'command', command: 'npm run lint' } as const, 'command: npm run lint'],
    [{ kind: 'tests', command: 'pytest' } as const, 'tests: pytest'],
    [{ kind: 'critic', question: 'Q?', model: 'smart' } as const, 'critic: Q?'],
  ])('%j → %s', (spec, expected) => {
    expect(checkName(spec)).toBe(expected);
  });
});
