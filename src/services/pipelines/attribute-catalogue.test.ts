import { describe, expect, it } from 'vitest';
import { ATTRIBUTES } from '../../pipeline/attributes/catalog.js';
import { attributeCatalogue } from './attribute-catalogue.js';
import { attributeCatalogueOutput } from './source-schemas.js';

describe('issue 15: the attribute catalogue as data', () => {
  const catalogue = attributeCatalogue();

  it('lists every attribute of the dialect and passes the output schema', () => {
    expect(catalogue.map((entry) => entry.name)).toEqual(ATTRIBUTES.map((spec) => spec.name));
    expect(attributeCatalogueOutput.parse({ attributes: catalogue }).attributes).toHaveLength(ATTRIBUTES.length);
  });

  it.each([
    ['shape', { appliesTo: ['node'], type: 'string', default: 'box', display: false }],
    ['rankdir', { appliesTo: ['graph'], type: 'enum', values: ['TB', 'LR', 'BT', 'RL'], display: true }],
    ['pos', { appliesTo: ['node'], type: 'string', display: true }],
  ])('%s', (name, expected) => {
    expect(catalogue.find((entry) => entry.name === name)).toMatchObject(expected);
  });
});
