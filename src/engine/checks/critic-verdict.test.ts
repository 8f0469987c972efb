import { describe, expect, it } from 'vitest';
import { parseCriticVerdict, type CriticVerdict } from './critic-verdict.js';

describe('parseCriticVerdict', () => {
  it.each<[string, string, CriticVerdict]>([
    ['PASS and reasons', 'PASS\nEmpty input returns [].', { passed: true, reasons: 'Empty input returns [].' }],
    ['FAIL and reasons', 'FAIL\nIt throws on "".\nAdd a guard.', { passed: false, reasons: 'It throws on "".\nAdd a guard.' }],
    ['lower case', 'pass', { passed: true, reasons: '' }],
    ['blank lines first', '\n\n  FAIL  \nno', { passed: false, reasons: 'no' }],
    ['bold verdict with a colon', '**PASS**: handles it', { passed: true, reasons: 'handles it' }],
    ['a heading', '## FAIL\nmissing test', { passed: false, reasons: 'missing test' }],
    ['a dash and reason on the same line', 'FAIL - crashes on null', { passed: false, reasons: 'crashes on null' }],
    ['a full stop', 'PASS.', { passed: true, reasons: '' }],
  ])('%s', (_name, answer, expected) => {
    expect(parseCriticVerdict(answer)).toEqual(expected);
  });

  it.each([
    ['an empty answer', '', 'The critic gave an empty answer; expected PASS or FAIL on the first line.'],
    ['a sentence first', 'The change looks fine.\nPASS', 'The critic\'s answer did not start with PASS or FAIL, so it counts as FAIL. It began: "The change looks fine."\nPASS'],
    ['PASSED is not PASS', 'PASSED', 'The critic\'s answer did not start with PASS or FAIL, so it counts as FAIL. It began: "PASSED"'],
    ['a simulated response', '[Simulated] Response for stage: impl', 'The critic\'s answer did not start with PASS or FAIL, so it counts as FAIL. It began: "[Simulated] Response for stage: impl"'],
  ])('counts %s as FAIL with a note', (_name, answer, reasons) => {
    expect(parseCriticVerdict(answer)).toEqual({ passed: false, reasons });
  });
});
