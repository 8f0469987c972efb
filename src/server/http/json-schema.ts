import { z } from 'zod';

/** The part of a JSON Schema (2020-12, OpenAPI 3.1's dialect) the API reads. */
export interface JsonSchema {
  [keyword: string]: unknown;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/**
 * `schema` as JSON Schema, as a request sends it (`input`: defaults optional) or a response holds it
 * (`output`). What JSON cannot say (a transform, a date) becomes `{}` rather than failing the document.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Follows a local `#/$defs/NAME` reference of `root`; anything else is returned as it is. */
export function resolveLocal(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const name = schema.$ref?.startsWith('#/$defs/') === true ? schema.$ref.slice('#/$defs/'.length) : undefined;
  return (name !== undefined ? root.$defs?.[name] : undefined) ?? schema;
}

/** Every JSON type `schema` admits, through `anyOf`/`oneOf` and local references. */
export function typesOf(schema: JsonSchema, root: JsonSchema): Set<string> {
  const resolved = resolveLocal(schema, root);
  const own = resolved.type === undefined ? [] : Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  const nested = [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])].flatMap((member) => [...typesOf(member, root)]);
  return new Set([...own, ...nested]);
}
