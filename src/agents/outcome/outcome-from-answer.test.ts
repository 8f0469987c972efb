import { describe, expect, it } from 'vitest';
import type { AgentResult } from '../backend.js';
import { outcomeFromAnswer } from './outcome-from-answer.js';

const fence = (json: string, language = 'json') => '```' + language + '\n' + json + '\n```';

describe('outcomeFromAnswer', () => {
  it.each<[string, string, AgentResult]>([
    ['plain text is SUCCESS with the whole text', 'All done.', { outcome: { status: 'success' }, response: 'All done.' }],
    ['empty answer', '', { outcome: { status: 'success' }, response: '' }],
    [
      'a final json block is the outcome, cut from the response',
      `Reviewed.\n\n${fence('{"outcome": "fail", "failure_reason": "tests red", "preferred_label": "Fix"}')}\n`,
      { outcome: { status: 'fail', failureReason: 'tests red', preferredLabel: 'Fix' }, response: 'Reviewed.' },
    ],
    [
      'every key of status.json',
      fence('{"status": "partial_success", "suggested_next_ids": ["b"], "context_updates": {"k": 1}, "notes": "half"}'),
      { outcome: { status: 'partial_success', suggestedNextIds: ['b'], contextUpdates: { k: 1 }, notes: 'half' }, response: '' },
    ],
    ['a bare ``` fence', `Done\n${fence('{"outcome": "retry"}', '')}`, { outcome: { status: 'retry' }, response: 'Done' }],
    ['status in upper case', `x\n${fence('{"outcome": "SUCCESS"}')}`, { outcome: { status: 'success' }, response: 'x' }],
    ['a last line holding the object', 'Looks good.\n{"outcome": "success", "preferred_label": "Approve"}', { outcome: { status: 'success', preferredLabel: 'Approve' }, response: 'Looks good.' }],
    [
      'an earlier code block does not hide the final one',
      `${fence('const a = 1;', 'ts')}\nThen:\n${fence('{"outcome": "fail"}')}`,
      { outcome: { status: 'fail' }, response: `${fence('const a = 1;', 'ts')}\nThen:` },
    ],
    [
      'a final json block without outcome or status is part of the answer',
      `Config:\n${fence('{"name": "x"}')}`,
      { outcome: { status: 'success' }, response: `Config:\n${fence('{"name": "x"}')}` },
    ],
    ['a json block followed by more text is not final', `${fence('{"outcome": "fail"}')}\nBut then I fixed it.`, { outcome: { status: 'success' }, response: `${fence('{"outcome": "fail"}')}\nBut then I fixed it.` }],
    ['a final block in another language is not an outcome', `${fence('{"outcome": "fail"}', 'yaml')}`, { outcome: { status: 'success' }, response: fence('{"outcome": "fail"}', 'yaml') }],
  ])('%s', (_name, text, expected) => {
    expect(outcomeFromAnswer(text)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['an unknown status', fence('{"outcome": "great"}'), 'the outcome block at the end of the answer has "outcome": "great", expected one of success, partial_success, retry, fail, skipped'],
    ['a wrongly typed key', fence('{"outcome": "success", "suggested_next_ids": "b"}'), 'the outcome block at the end of the answer has an invalid "suggested_next_ids" value: Invalid input: expected array, received string'],
    ['conflicting outcome and status', '{"outcome": "success", "status": "fail"}', 'the outcome block at the end of the answer has "outcome": "success" but "status": "fail"; keep one of them'],
  ])('a block that tries to report but is broken is FAIL naming the problem: %s', (_name, text, failureReason) => {
    expect(outcomeFromAnswer(`Work done.\n${text}`)).toEqual({ outcome: { status: 'fail', failureReason }, response: 'Work done.' });
  });

  it('a block that is not JSON is FAIL naming the parse error', () => {
    const result = outcomeFromAnswer(`Work done.\n${fence('{"outcome": "success",}')}`);
    // The parse error's own words come from the JavaScript engine.
    expect(result.outcome.failureReason).toMatch(/^the outcome block at the end of the answer is not valid JSON \(.+\)$/);
    expect(result).toMatchObject({ outcome: { status: 'fail' }, response: 'Work done.' });
  });
});
