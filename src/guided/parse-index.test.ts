import { describe, expect, it } from 'vitest';
import { parseIndex } from './parse-index.js';

const where = (d: { rule: string; loc?: { line: number; column: number } }) => `${d.loc?.line}:${d.loc?.column} ${d.rule}`;

describe('parseIndex', () => {
  it('issue 13: reads the front matter, title, goal and steps with their positions', () => {
    const text = [
      '---',
      'first_step: b',
      'context:',
      '  file: string',
      '  tries: { type: number, required: true, description: How many }',
      '---',
      '# Refactor',
      '',
      'Keep the tests green.',
      '',
      '## Steps',
      '',
      '1. a — first',
      '2. **b** - second',
      '- `c`: third',
      '   * d',
      '     - nested item is content',
      '```',
      '1. fenced — not a step',
      '```',
      '',
      '## Notes',
      'Be careful.',
    ].join('\n');
    const index = parseIndex('W/index.md', text, 'W');
    expect(index.diagnostics).toEqual([]);
    expect(index.title).toBe('Refactor');
    expect(index.goal).toBe('Keep the tests green.\n\n## Notes\nBe careful.');
    expect(index.steps.map((s) => [s.name, s.description, `${s.loc.line}:${s.loc.column}`])).toEqual([
      ['a', 'first', '13:4'],
      ['b', 'second', '14:6'],
      ['c', 'third', '15:4'],
      ['d', undefined, '16:6'],
    ]);
    expect(index.firstStep).toEqual({ name: 'b', loc: expect.objectContaining({ file: 'W/index.md', line: 2, column: 13 }) });
    expect(index.context).toEqual({
      file: { type: 'string', loc: expect.objectContaining({ line: 4, column: 3 }) },
      tries: { type: 'number', required: true, description: 'How many', loc: expect.objectContaining({ line: 5, column: 3 }) },
    });
  });

  it.each([
    ['no steps heading', '# T\n\nGoal\n', ['1:1 guided_steps_list']],
    ['an empty steps list', '# T\n## Steps\n\nnone\n', ['2:1 guided_steps_list']],
    ['no title', '## Steps\n1. a\n', ['1:1 guided_title']],
    ['an item that is not a name', '# T\n## Steps\n1. 2nd step\n2. a b\n3. ok\n', ['3:4 guided_steps_list', '4:4 guided_steps_list']],
    ['an unknown type', '---\ncontext:\n  a: strng\n  b: { type: list }\n---\n# T\n## Steps\n1. a\n', ['3:6 guided_context_type', '4:14 guided_context_type']],
    ['a bad required', '---\ncontext:\n  a: { type: any, required: yes please }\n---\n# T\n## Steps\n1. a\n', ['3:29 guided_front_matter']],
    ['context that is a list', '---\ncontext: [a]\n---\n# T\n## Steps\n1. a\n', ['2:10 guided_front_matter']],
    ['a first_step that is not text', '---\nfirst_step: [a]\n---\n# T\n## Steps\n1. a\n', ['2:13 guided_first_step_exists']],
    ['an unknown key', '---\nfirst_stp: a\n---\n# T\n## Steps\n1. a\n', ['2:1 guided_front_matter']],
    ['bad YAML', '---\na: [\n---\n# T\n## Steps\n1. a\n', ['3:1 guided_front_matter']],
    ['an unclosed front matter', '---\na: 1\n# T\n', ['1:1 guided_front_matter', '1:1 guided_title', '1:1 guided_steps_list']],
  ])('issue 13: %s is reported at its position', (_case, text, expected) => {
    expect(parseIndex('W/index.md', text, 'W').diagnostics.map(where)).toEqual(expected);
  });

  it('issue 13: the unknown type suggests the closest one', () => {
    const [diagnostic] = parseIndex('W/index.md', '---\ncontext:\n  a: strng\n---\n# T\n## Steps\n1. a\n', 'W').diagnostics;
    expect(diagnostic?.message).toContain('Did you mean "string"?');
    expect(diagnostic?.fix).toContain('string, number, boolean, object, array, any');
  });
});
