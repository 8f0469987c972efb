import { describe, expect, it } from 'vitest';
import { expandArgs, type PlaceholderValues } from './arg-template.js';
import type { ArgTemplate } from '../../config/index.js';

describe('expandArgs', () => {
  it.each<[string, ArgTemplate[], PlaceholderValues, string[]]>([
    ['keeps a prompt with spaces and quotes as one element', ['-p', '{prompt}'], { prompt: `it's "a" test; rm -rf /` }, ['-p', `it's "a" test; rm -rf /`]],
    ['fills a placeholder inside an element', ['--model={model}'], { model: 'opus' }, ['--model=opus']],
    ['keeps a group whose placeholders have values', [['--model', '{model}'], 'x'], { model: 'm' }, ['--model', 'm', 'x']],
    ['drops a group with a missing value', [['--resume', '{resume_id}'], '{prompt}'], { prompt: 'p' }, ['p']],
    ['accepts the {{ name }} spelling', ['{{ prompt }}', '{{model}}'], { prompt: 'p', model: 'm' }, ['p', 'm']],
    ['does not expand placeholders inside values', ['{prompt}'], { prompt: '{model}' }, ['{model}']],
  ])('%s', (_name, template, values, expected) => {
    expect(expandArgs('test', template, values)).toEqual(expected);
  });

  it('rejects a lone element whose value is missing, naming the profile and placeholder', () => {
    expect(() => expandArgs('aider', ['--model', '{model}'], {})).toThrow(
      expect.objectContaining({ code: 'E_CONFIG', message: 'CLI profile "aider": argument "{model}" needs {model}, which has no value for this node.' }),
    );
  });
});
