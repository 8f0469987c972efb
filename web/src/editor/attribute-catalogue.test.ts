import { describe, expect, it } from 'vitest';
import { attributesFor, defaultOf, fieldKindOf, type CatalogueAttribute } from './attribute-catalogue';

const attribute = (name: string, type: Partial<CatalogueAttribute> & Pick<CatalogueAttribute, 'type'>, appliesTo: CatalogueAttribute['appliesTo'] = ['node']): CatalogueAttribute => ({ name, appliesTo, description: '', ...type });

describe('issue 15: the attribute panel is typed from the catalogue', () => {
  it.each([
    [attribute('fidelity', { type: 'enum', values: ['full', 'compact'] }), { control: 'select', values: ['full', 'compact'] }],
    [attribute('goal_gate', { type: 'boolean' }), { control: 'checkbox' }],
    [attribute('max_retries', { type: 'integer', min: 0 }), { control: 'number', step: 1, min: 0 }],
    [attribute('weight', { type: 'float' }), { control: 'number', step: 0.1 }],
    [attribute('prompt', { type: 'string' }), { control: 'textarea' }],
    [attribute('timeout', { type: 'duration' }), { control: 'text' }],
  ])('issue 15: %j gets %j', (spec, kind) => {
    expect(fieldKindOf(spec)).toEqual(kind);
  });

  it('issue 15: a scope lists its own attributes, the set ones first', () => {
    const catalogue = { attributes: [attribute('a', { type: 'string' }), attribute('goal', { type: 'string' }, ['graph']), attribute('b', { type: 'string' }, ['node', 'edge'])] };
    expect(attributesFor(catalogue, 'node', { b: 'x' }).map((spec) => spec.name)).toEqual(['b', 'a']);
    expect(attributesFor(catalogue, 'graph', {}).map((spec) => spec.name)).toEqual(['goal']);
  });

  it.each([
    [{ default: 'box' }, 'box'],
    [{ default: '' }, undefined],
    [{ default: 'the node id' }, 'the node id'],
    [{}, undefined],
  ])('issue 15: default %j shows as %j', (fields, shown) => {
    expect(defaultOf({ ...attribute('x', { type: 'string' }), ...fields })).toBe(shown);
  });
});
