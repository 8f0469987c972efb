import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../store/workflow-types.js';
import { matchJournal, unreplayedError } from './journal-match.js';

function entry(kind: JournalEntry['kind'], name: string, position = 3): JournalEntry {
  return { instanceId: 'w1', position, kind, name, result: null, at: 0 };
}

describe('matchJournal', () => {
  const cases: Array<{ what: string; entry: JournalEntry | undefined; call: Pick<JournalEntry, 'kind' | 'name'>; expected: 'new' | 'replay' | string }> = [
    { what: 'past the journal: a new call', entry: undefined, call: { kind: 'step', name: 'a' }, expected: 'new' },
    { what: 'same kind and name: replayed', entry: entry('step', 'a'), call: { kind: 'step', name: 'a' }, expected: 'replay' },
    { what: 'a task replayed', entry: entry('task', 'Customer needs help'), call: { kind: 'task', name: 'Customer needs help' }, expected: 'replay' },
    { what: 'a renamed step', entry: entry('step', 'charge card'), call: { kind: 'step', name: 'charge payment' }, expected: 'the code calls step "charge payment" where the journal has step "charge card"' },
    { what: 'a step where a sleep was', entry: entry('sleep', 'sleep'), call: { kind: 'step', name: 'sleep' }, expected: 'the code calls step "sleep" where the journal has sleep "sleep"' },
    { what: 'names differ only in case', entry: entry('signal', 'Approve'), call: { kind: 'signal', name: 'approve' }, expected: 'the code calls signal "approve" where the journal has signal "Approve"' },
  ];
  for (const { what, entry: found, call, expected } of cases) {
    it(`issue 11: ${what}`, () => {
      if (expected === 'new' || expected === 'replay') {
        expect(matchJournal(found, call, 3, 'order')).toBe(expected);
      } else {
        expect(() => matchJournal(found, call, 3, 'order')).toThrow(expect.objectContaining({ code: 'E_WORKFLOW_NONDETERMINISM', message: `workflow "order" no longer matches its journal at position 3: ${expected}` }));
      }
    });
  }

  it('issue 11: a journal longer than the code names the first entry left over', () => {
    expect(unreplayedError('order', entry('step', 'notify', 5))).toMatchObject({ code: 'E_WORKFLOW_NONDETERMINISM', message: 'workflow "order" no longer matches its journal at position 5: the code finished, but the journal still has step "notify"' });
  });
});
