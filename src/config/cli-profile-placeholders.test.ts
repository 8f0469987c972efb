import { describe, expect, it } from 'vitest';
import { InteractivePlaceholders, listPlaceholders, placeholdersIn, unknownPlaceholders, usesPlaceholder, type ArgTemplate } from './cli-profile-placeholders.js';

describe('placeholder checks', () => {
  it.each<[ArgTemplate[], readonly string[] | undefined, string[]]>([
    [['{prompt}', ['--model', '{model}']], undefined, []],
    [['{promt}', ['--x', '{{ sesion }}']], undefined, ['promt', 'sesion']],
    [['--resume', '{resume_id}'], InteractivePlaceholders, ['resume_id']],
    [['--session-id={session_id}', '{prompt}'], InteractivePlaceholders, []],
  ])('unknownPlaceholders(%j, %j) = %j', (template, known, expected) => {
    expect(unknownPlaceholders(template, known)).toEqual(expected);
  });

  it('finds a placeholder inside a group and inside an element', () => {
    expect(usesPlaceholder([['--resume', '{resume_id}']], 'resume_id')).toBe(true);
    expect(usesPlaceholder(['--prompt={{ prompt }}'], 'prompt')).toBe(true);
    expect(usesPlaceholder(['{prompt}'], 'resume_id')).toBe(false);
  });

  it.each<[string, string[]]>([
    ['--model={model}', ['model']],
    ['{{prompt}} and {session_id}', ['prompt', 'session_id']],
    ['no placeholder {', []],
  ])('placeholdersIn(%j) = %j', (element, expected) => {
    expect(placeholdersIn(element)).toEqual(expected);
  });

  it.each<[string[], string]>([
    [['prompt'], '{prompt}'],
    [['model', 'session_id'], '{model} or {session_id}'],
    [['prompt', 'model', 'session_id'], '{prompt}, {model} or {session_id}'],
  ])('listPlaceholders(%j) = %j', (names, expected) => {
    expect(listPlaceholders(names)).toBe(expected);
  });
});
