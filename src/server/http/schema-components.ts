import type { JsonSchema } from './json-schema.js';

/**
 * Gathers the JSON Schemas of every operation into one OpenAPI `components.schemas`, so that each
 * `$ref` still resolves once the schemas sit in one document: a schema's own `#` (recursion) and
 * `#/$defs/X` move to `#/components/schemas/…`. Named schemas (zod `.meta({ id })`) keep their name,
 * shared by every operation using them, with `namedSuffix` after it (`.input`: a schema with
 * defaults reads differently as input and as output); zod's generated names (`__schema0`) get the
 * schema's name in front.
 */
export class SchemaComponents {
  constructor(
    readonly schemas: Record<string, JsonSchema> = {},
    private readonly namedSuffix = '',
  ) {}

  /** Registers `schema` as `name` and returns a reference to it. */
  add(name: string, schema: JsonSchema): JsonSchema {
    const { $defs, ...body } = schema;
    for (const [defName, def] of Object.entries($defs ?? {})) this.schemas[this.defName(name, defName)] = this.rewrite(name, def);
    this.schemas[name] = this.rewrite(name, body);
    return { $ref: `#/components/schemas/${name}` };
  }

  /** `schema` (a part of the schema registered as `name`) with its references pointing into the components. */
  rewrite(name: string, schema: JsonSchema): JsonSchema {
    return rewriteRefs(schema, (ref) => {
      if (ref === '#') return `#/components/schemas/${name}`;
      if (ref.startsWith('#/$defs/')) return `#/components/schemas/${this.defName(name, ref.slice('#/$defs/'.length))}`;
      return ref;
    }) as JsonSchema;
  }

  private defName(owner: string, defName: string): string {
    return defName.startsWith('__') ? `${owner}${defName}` : `${defName}${this.namedSuffix}`;
  }
}

function rewriteRefs(value: unknown, rewrite: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, rewrite));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === '$ref' && typeof item === 'string' ? rewrite(item) : rewriteRefs(item, rewrite)]));
}
