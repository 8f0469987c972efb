import { describe, expect, it } from 'vitest';
import { isOrchestraError } from '../../core/errors.js';
import { ClauseOp } from './condition.js';
import { parseCondition } from './parse.js';

const { EQUALS: EQ, NOT_EQUALS: NE, TRUTHY: T } = ClauseOp;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('decision 12: parseCondition: valid conditions', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['outcome=success', [['outcome', EQ, 'success']]],
    ['outcome!=success', [['outcome', NE, 'success']]],
    ['outcome = success', [['outcome', EQ, 'success']]],
    ['outcome=success && context.tests_passed=true', [['outcome', EQ, 'success'], ['context.tests_passed', EQ, 'true']]],
    ['outcome=success&&context.x=1', [['outcome', EQ, 'success'], ['context.x', EQ, '1']]],
    ['context.loop_state!=exhausted', [['context.loop_state', NE, 'exhausted']]],
    ['preferred_label=Fix', [['preferred_label', EQ, 'Fix']]],
    ['internal.loop_restart_count=0', [['internal.loop_restart_count', EQ, '0']]],
    ['context.ready', [['context.ready', T, '']]],
    ['context.ready && outcome=success', [['context.ready', T, ''], ['outcome', EQ, 'success']]],
    ['context.model=gpt-5.2', [['context.model', EQ, 'gpt-5.2']]],
    ['context.n=-1', [['context.n', EQ, '-1']]],
    ['context.a="x && y"', [['context.a', EQ, 'x && y']]],
    ['context.a="k=v"', [['context.a', EQ, 'k=v']]],
    ['context.a="k!=v" && outcome=fail', [['context.a', EQ, 'k!=v'], ['outcome', EQ, 'fail']]],
    ['context.a="say \\"hi\\""', [['context.a', EQ, 'say "hi"']]],
    ['context.a="line\\nnext\\ttab\\\\"', [['context.a', EQ, 'line\nnext\ttab\\']]],
    ['preferred_label=""', [['preferred_label', EQ, '']]],
    ['preferred_label="Two words"', [['preferred_label', EQ, 'Two words']]],
    ['context.or=contains', [['context.or', EQ, 'contains']]],
    ['not=1', [['not', EQ, '1']]],
  ])('%j', (text, expected) => {
    const condition = parseCondition(text);
    expect(condition.source).toBe(text);
    expect(condition.clauses.map((c) => [c.key, c.op, c.value])).toEqual(expected);
  });

  it('records the column of each clause', () => {
    expect(parseCondition('outcome=success &&  context.x').clauses.map((c) => c.column)).toEqual([1, 21]);
  });
});

describe('parseCondition: syntax errors name the column and say what to write', () => {
  const combine = 'Conditions know only =, != and &&: not supported; combine clauses with &&.';
  it.each([
    ['outcome=success || outcome=fail', 'Condition "outcome=success || outcome=fail", column 17: operator "||" is not supported.', `${combine} For alternatives, draw one edge per alternative.`],
    ['outcome=success OR outcome=fail', 'Condition "outcome=success OR outcome=fail", column 17: operator "OR" is not supported.', `${combine} For alternatives, draw one edge per alternative.`],
    ['NOT outcome=success', 'Condition "NOT outcome=success", column 1: operator "NOT" is not supported.', 'Write key!=value to negate a comparison.'],
    ['!context.ready', 'Condition "!context.ready", column 1: operator "!" is not supported.', 'Write key!=value to negate a comparison.'],
    ['context.score>5', 'Condition "context.score>5", column 14: operator ">" is not supported.', `${combine} Values compare as text with = and != only.`],
    ['context.score < 5', 'Condition "context.score < 5", column 15: operator "<" is not supported.', `${combine} Values compare as text with = and != only.`],
    ['context.score>=5', 'Condition "context.score>=5", column 14: operator ">=" is not supported.', `${combine} Values compare as text with = and != only.`],
    ['context.out contains error', 'Condition "context.out contains error", column 13: operator "contains" is not supported.', `${combine} Values compare exactly with = and !=.`],
    ['context.out matches err.*', 'Condition "context.out matches err.*", column 13: operator "matches" is not supported.', `${combine} Values compare exactly with = and !=.`],
    ['outcome==success', 'Condition "outcome==success", column 8: operator "==" is not supported.', 'Write a single = for equality: outcome=success.'],
    ['outcome=success & x=1', 'Condition "outcome=success & x=1", column 17: operator "&" is not supported.', 'Write && between clauses: outcome=success && context.ready=true.'],
    ['outcome=success AND x=1', 'Condition "outcome=success AND x=1", column 17: operator "AND" is not supported.', 'Write && between clauses: outcome=success && context.ready=true.'],
    ['(outcome=success)', 'Condition "(outcome=success)", column 1: operator "(" is not supported.', 'Conditions have no grouping: not supported; combine clauses with &&.'],
    ['outcome=success &&', 'Condition "outcome=success &&", column 17: nothing follows "&&".', 'Remove the trailing && or add a clause after it.'],
    ['&& outcome=success', 'Condition "&& outcome=success", column 1: expected a key, found "&&".', 'Start each clause with a key: outcome, preferred_label, context.<path> or another context key.'],
    ['=success', 'Condition "=success", column 1: expected a key, found "=".', 'Start each clause with a key: outcome, preferred_label, context.<path> or another context key.'],
    ['"outcome"=success', 'Condition ""outcome"=success", column 1: expected a key, found the quoted text "outcome".', 'Start each clause with a key: outcome, preferred_label, context.<path> or another context key.'],
    ['outcome=', 'Condition "outcome=", column 9: expected a value after "=", found the end of the condition.', 'Write a value such as outcome=success, or "" for the empty value.'],
    ['outcome!= && x', 'Condition "outcome!= && x", column 11: expected a value after "!=", found "&&".', 'Write a value such as outcome!=success, or "" for the empty value.'],
    ['outcome success', 'Condition "outcome success", column 9: expected "=", "!=" or "&&" after "outcome", found "success".', 'Write key=value, key!=value or a bare key; quote values that contain spaces: key="two words".'],
    ['preferred_label=Two words', 'Condition "preferred_label=Two words", column 21: expected "&&" or the end of the condition, found "words".', 'Combine clauses with &&; quote values that contain spaces or operators: key="a=b".'],
    ['context.a=x=y', 'Condition "context.a=x=y", column 12: expected "&&" or the end of the condition, found "=".', 'Combine clauses with &&; quote values that contain spaces or operators: key="a=b".'],
    ['context.=x', 'Condition "context.=x", column 1: "context." is not a valid key.', 'Start each clause with a key: outcome, preferred_label, context.<path> or another context key. Keys are letters, digits, _ and - joined by dots.'],
    ['9lives', 'Condition "9lives", column 1: "9lives" is not a valid key.', 'Start each clause with a key: outcome, preferred_label, context.<path> or another context key. Keys are letters, digits, _ and - joined by dots.'],
    ['context.a="open', 'Condition "context.a="open", column 11: the quoted literal is never closed.', 'End the literal with a double quote; write \\" for a quote inside it.'],
  ])('%j', (text, message, hint) => {
    const error = thrown(() => parseCondition(text));
    expect(isOrchestraError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'E_CONDITION_SYNTAX', message, hint });
  });

  it('shows the condition with a caret under the offending operator', () => {
    const error = thrown(() => parseCondition('outcome=success || outcome=fail'));
    expect((error as { detail: string }).detail).toBe('  outcome=success || outcome=fail\n                  ^^');
  });

  it('attaches the attribute location when the caller gives one', () => {
    const location = { file: 'p.dot', line: 12, column: 9 };
    const error = thrown(() => parseCondition('outcome=', { location }));
    expect(error).toMatchObject({ location });
  });
});

describe('parseCondition: file positions', () => {
  it('maps the offending column into the file through the locator', () => {
    const locate = (offset: number) => ({ file: 'p.dot', line: 7, column: 30 + offset });
    const error = thrown(() => parseCondition('outcome=success || x', { locate, location: { file: 'p.dot', line: 7, column: 10 } }));
    expect(error).toMatchObject({ location: { file: 'p.dot', line: 7, column: 46 } });
  });
});
