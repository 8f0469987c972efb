import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../core/errors.js';
import { renderPrompt } from './render-prompt.js';

const origin = { label: 'prompt of node n', file: 'p.dot', line: 3, column: 10, code: ErrorCode.VARIABLE };
const payload = '{{ range.constructor("return process.exit(9)")() }}{% raw %}';
const values: Record<string, string> = { x: payload, n: '42', empty: '' };
const lookup = (name: string) => (Object.hasOwn(values, name) ? values[name] : undefined);
const render = (text: string, data: Record<string, unknown> = {}) => renderPrompt(text, lookup, data, origin).text;

describe('renderPrompt', () => {
  it.each([
    ['plain text, references only', 'A $x B ${x}', `A ${payload} B ${payload}`],
    ['template text', '{{ "t" }} $x', `t ${payload}`],
    ['unknown references stay as written', '{{ 1 }} $HOME ${later} $5', '1 $HOME ${later} $5'],
    ['a reference inside a tag stays as written', '{{ "$n" }}', '$n'],
    ['a reference in a comment is dropped with it', '{# $x #}$n {{ 1 }}', '42 1'],
    ['a raw block keeps its text', '{% raw %}$n {{ y }}{% endraw %} $n', '$n {{ y }} 42'],
    ['a brace right before a reference', '{$n} {{ 1 }}', '{42} 1'],
    ['two braces right before a reference', '{ {$n}} {% if true %}ok{% endif %}', '{ {42}} ok'],
    ['an empty value', '[$empty] {{ 1 }}', '[] 1'],
    ['a value in a data-driven loop', '{% for i in items %}$n{{ i }} {% endfor %}', '42a 42b '],
  ])('issue 8.1: %s', (_name, text, expected) => {
    expect(render(text, { items: ['a', 'b'] })).toBe(expected);
  });

  it('issue 8.1: a data value with template syntax is printed, not run', () => {
    expect(render('{{ said }}', { said: payload })).toBe(payload);
  });

  it('the slot cannot be replaced by data of the same name', () => {
    expect(render('$n {{ 1 }}', { __orchestra_values: ['forged'] })).toBe('42 1');
  });

  it('reports unknown template names, not the slot', () => {
    expect(renderPrompt('$n {{ nope }}', lookup, {}, origin).warnings).toEqual(['p.dot:3:10: unknown variable nope in the prompt of node n']);
  });

  it.each([
    ['on the first line, after a reference', '$x {{ a }', 'p.dot:3:18'],
    ['on a later line', '$x\n$x {{ a }', 'p.dot:4:18'],
  ])('names the author\'s position for an error %s', (_name, text, position) => {
    const unexpanded = renderTemplateError(() => renderPrompt(text, () => undefined, {}, origin));
    expect(renderTemplateError(() => renderPrompt(text, lookup, {}, origin))).toBe(unexpanded);
    expect(unexpanded).toContain(position);
  });
});

function renderTemplateError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a template error');
}
