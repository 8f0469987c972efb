import { describe, expect, it } from 'vitest';
import { SessionIdPatterns, maxSessionIdLength, sessionIdProblem } from './session-id-rule.js';

const uuid = 'a76ca2b3-6978-4531-b32e-62ef7b013387';

describe('issue 8.9: sessionIdProblem', () => {
  it.each<[string, string, string | undefined, string | undefined]>([
    ['a UUID, no pattern', uuid, undefined, undefined],
    ['a UUID for Claude Code', uuid, SessionIdPatterns.uuid, undefined],
    ['an Opencode id', 'ses_4fK9aZ0', SessionIdPatterns.opencode, undefined],
    ['a plain word with . : _ -', 'run_1.2:a-b', undefined, undefined],
    ['an option', '--dangerously-skip-permissions', undefined, 'starts with "-"'],
    ['a short option', '-p', undefined, 'starts with "-"'],
    ['a command substitution', '$(touch /tmp/x)', undefined, 'characters other than'],
    ['backticks', '`id`', undefined, 'characters other than'],
    ['a space', 'ses_1 --yolo', undefined, 'characters other than'],
    ['a newline', 'ses_1\n', undefined, 'characters other than'],
    ['an = that would join an option', 'x=--y', undefined, 'characters other than'],
    ['a path', '../../etc/passwd', undefined, 'characters other than'],
    ['empty', '', undefined, 'empty'],
    ['overlong', 'a'.repeat(maxSessionIdLength + 1), undefined, 'characters long'],
    ['the longest allowed', 'a'.repeat(maxSessionIdLength), undefined, undefined],
    ['not a UUID for Claude Code', 'ses_1', SessionIdPatterns.uuid, "session_id_pattern"],
    ['a UUID with a tail for Claude Code (anchored)', `${uuid}x`, SessionIdPatterns.uuid, "session_id_pattern"],
    ['not an Opencode id', uuid, SessionIdPatterns.opencode, "session_id_pattern"],
    ['a pattern cannot widen the safe rule', '-x', '.*', 'starts with "-"'],
  ])('%s', (_name, id, pattern, problem) => {
    const found = sessionIdProblem(id, pattern);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});
