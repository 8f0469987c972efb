import { ownerOf, readString } from '../../../pipeline/graph/attr-read.js';
import type { GraphNode } from '../../../pipeline/graph/model.js';
import { parseContextMapping, type ContextMapping } from './context-mapping.js';

export interface PipelineOptions {
  /** `pipeline` as written; empty when missing. */
  file: string;
  /** `pipeline.inputs`; undefined means "all run variables". */
  inputs: ContextMapping[] | undefined;
  /** `pipeline.outputs`; default `last_response`. */
  outputs: ContextMapping[];
}

const defaultOutputs: ContextMapping[] = [{ target: 'last_response', source: 'last_response' }];

/** Reads a composed-pipeline node's attributes; throws E_ATTRIBUTE_TYPE for a malformed mapping. */
export function resolvePipelineOptions(node: GraphNode): PipelineOptions {
  const owner = ownerOf(node);
  const inputs = readString(node.attrs, 'pipeline.inputs');
  const outputs = readString(node.attrs, 'pipeline.outputs');
  return {
    file: readString(node.attrs, 'pipeline')?.trim() ?? '',
    inputs: inputs === undefined ? undefined : parseContextMapping(inputs, 'pipeline.inputs', owner),
    outputs: outputs === undefined || outputs.trim() === '' ? defaultOutputs : parseContextMapping(outputs, 'pipeline.outputs', owner),
  };
}
