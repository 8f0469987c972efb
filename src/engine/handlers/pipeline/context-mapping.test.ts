import { describe, expect, it } from 'vitest';
import { buildNode, type PlainAttrs } from '../../testing/build-graph.js';
import { parseContextMapping, type ContextMapping } from './context-mapping.js';
import { resolvePipelineOptions, type PipelineOptions } from './pipeline-options.js';

describe('parseContextMapping', () => {
  it.each<[string, ContextMapping[]]>([
    ['a', [{ target: 'a', source: 'a' }]],
    ['a,b=c', [{ target: 'a', source: 'a' }, { target: 'b', source: 'c' }]],
    [' x = context.y , ,z ', [{ target: 'x', source: 'context.y' }, { target: 'z', source: 'z' }]],
    ['', []],
  ])('"%s"', (text, expected) => {
    expect(parseContextMapping(text, 'pipeline.inputs', 'node "sub"')).toEqual(expected);
  });

  it.each(['=c', 'b=', 'a=b=c'])('refuses "%s" naming the attribute and the item', (item) => {
    expect(() => parseContextMapping(`ok,${item}`, 'pipeline.outputs', 'node "sub"')).toThrow(
      expect.objectContaining({ code: 'E_ATTRIBUTE_TYPE', message: `The pipeline.outputs attribute of node "sub" has the item "${item}", which is not "name" or "name=source".` }),
    );
  });
});

describe('resolvePipelineOptions', () => {
  it.each<[string, PlainAttrs, PipelineOptions]>([
    ['defaults', { pipeline: ' child.dot ' }, { file: 'child.dot', inputs: undefined, outputs: [{ target: 'last_response', source: 'last_response' }] }],
    ['explicit lists', { pipeline: 'c.dot', 'pipeline.inputs': 'a', 'pipeline.outputs': 'x=y' }, { file: 'c.dot', inputs: [{ target: 'a', source: 'a' }], outputs: [{ target: 'x', source: 'y' }] }],
    ['an empty input list passes nothing', { pipeline: 'c.dot', 'pipeline.inputs': '' }, { file: 'c.dot', inputs: [], outputs: [{ target: 'last_response', source: 'last_response' }] }],
    ['no pipeline attribute', {}, { file: '', inputs: undefined, outputs: [{ target: 'last_response', source: 'last_response' }] }],
  ])('%s', (_name, attrs, expected) => {
    expect(resolvePipelineOptions(buildNode('sub', attrs))).toEqual(expected);
  });
});
