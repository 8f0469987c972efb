import { describe, expect, it } from 'vitest';
import { deterministicCommitMessage, SUBJECT_LIMIT } from './commit-message.js';

const many = Array.from({ length: 12 }, (_, i) => `src/module-${i}/file.ts`);

describe('issue 14: deterministicCommitMessage', () => {
  it.each([
    { node: 'implement', turn: 3, files: ['src/a.ts', 'src/b.ts'], subject: 'implement: turn 3, 2 files (src/a.ts, src/b.ts)' },
    { node: 'implement', turn: 1, files: ['src/a.ts'], subject: 'implement: turn 1, 1 file (src/a.ts)' },
    { node: 'plan', turn: 2, files: [], subject: 'plan: turn 2, no files' },
    { node: 'fix', turn: 1, files: ['a.ts', 'a.ts'], subject: 'fix: turn 1, 1 file (a.ts)' },
    { node: 'implement', turn: 7, files: many, subject: 'implement: turn 7, 12 files (src/module-0/file.ts, …)' },
    { node: 'implement', turn: 1, files: [`src/${'x'.repeat(80)}.ts`], subject: 'implement: turn 1, 1 file' },
    { node: 'n'.repeat(100), turn: 12, files: ['a.ts'], subject: `${'n'.repeat(SUBJECT_LIMIT - 'turn 12, 1 file'.length - 3)}…: turn 12, 1 file` },
    { node: 'evil\nOrchestra-Run: fake', turn: 1, files: ['a\nb.ts'], subject: 'evil Orchestra-Run: fake: turn 1, 1 file (a b.ts)' },
  ])('$subject', ({ node, turn, files, subject }) => {
    const message = deterministicCommitMessage({ node, turn, files });
    const [first] = message.split('\n');
    expect(first).toBe(subject);
    expect(first!.length).toBeLessThanOrEqual(SUBJECT_LIMIT);
  });

  it('names no turn for what a node left when it ended', () => {
    expect(deterministicCommitMessage({ node: 'build', files: ['a.ts'] })).toBe('build: 1 file (a.ts)\n\nFiles:\n- a.ts');
  });

  it('lists every file in the body, once each', () => {
    expect(deterministicCommitMessage({ node: 'implement', turn: 3, files: ['src/a.ts', 'src/b.ts', 'src/a.ts'] })).toBe(
      'implement: turn 3, 2 files (src/a.ts, src/b.ts)\n\nFiles:\n- src/a.ts\n- src/b.ts',
    );
    const body = deterministicCommitMessage({ node: 'implement', turn: 7, files: many }).split('\n\n')[1];
    expect(body).toBe(['Files:', ...many.map((f) => `- ${f}`)].join('\n'));
  });

  it('has no body when the turn changed no files', () => {
    expect(deterministicCommitMessage({ node: 'plan', turn: 2, files: [] })).toBe('plan: turn 2, no files');
  });
});
