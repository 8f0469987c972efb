import type { Operation } from '../../services/api/index.js';
import { jsonSchemaOf, type JsonSchema } from './json-schema.js';
import { pathParams } from './route-path.js';
import type { SchemaComponents } from './schema-components.js';

/** The error statuses every operation may answer with, each a problem+json (components.responses). */
export const problemStatuses = ['400', '401', '403', '404', '409', '422', '500'] as const;

/**
 * One operation's OpenAPI entry: its path fields as path parameters, the rest of its input as query
 * parameters (`get`, `delete`) or the JSON body, its output as the 200 response.
 */
export function openApiOperation(op: Operation, components: { inputs: SchemaComponents; outputs: SchemaComponents }): Record<string, unknown> {
  const input = jsonSchemaOf(op.input, 'input');
  const inputRef = components.inputs.add(`${op.name}.input`, input);
  const outputRef = components.outputs.add(`${op.name}.output`, jsonSchemaOf(op.output, 'output'));
  const inPath = pathParams(op.http.path);
  const properties = Object.entries(input.properties ?? {});
  const required = new Set(input.required ?? []);
  const parameter = (name: string, where: 'path' | 'query', schema: JsonSchema) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof schema.description === 'string' && { description: schema.description }),
    schema: components.inputs.rewrite(`${op.name}.input`, schema),
    ...(where === 'query' && { style: 'form', explode: true }),
  });
  const parameters = properties.filter(([name]) => inPath.includes(name)).map(([name, schema]) => parameter(name, 'path', schema));
  const inQuery = op.http.method === 'get' || op.http.method === 'delete';
  if (inQuery) parameters.push(...properties.filter(([name]) => !inPath.includes(name)).map(([name, schema]) => parameter(name, 'query', schema)));
  return {
    operationId: op.name,
    summary: op.summary,
    description: op.description,
    tags: [op.name.split('.')[0]],
    ...(parameters.length > 0 && { parameters }),
    ...(!inQuery && { requestBody: requestBody(op, input, inputRef, inPath, components.inputs) }),
    responses: {
      '200': { description: op.summary, content: { 'application/json': { schema: outputRef } } },
      ...Object.fromEntries(problemStatuses.map((status) => [status, { $ref: `#/components/responses/Problem${status}` }])),
    },
  };
}

/** The body schema: the whole input, or, when the path carries some fields, the input without them. */
function requestBody(op: Operation, input: JsonSchema, inputRef: JsonSchema, inPath: readonly string[], inputs: SchemaComponents): Record<string, unknown> {
  const schema = inPath.length === 0 ? inputRef : inputs.rewrite(`${op.name}.input`, withoutFields(input, inPath));
  const required = (input.required ?? []).some((name) => !inPath.includes(name));
  return { required, content: { 'application/json': { schema } } };
}

function withoutFields(input: JsonSchema, fields: readonly string[]): JsonSchema {
  const { $defs: _defs, ...rest } = input;
  return {
    ...rest,
    properties: Object.fromEntries(Object.entries(input.properties ?? {}).filter(([name]) => !fields.includes(name))),
    required: (input.required ?? []).filter((name) => !fields.includes(name)),
  };
}
