import type { TextTurn } from './types.js';

/**
 * A value that satisfies a JSON schema, built from the schema alone: the first `enum` value, a
 * placeholder per type, every `required` property of an object. Gemini CLI asks the model for
 * structured answers beside the real work (its routing classifier, its next-speaker and loop
 * checks); answering them from their own `responseJsonSchema` keeps them off a test's script.
 */
export function answerFromSchema(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return {};
  const node = schema as Record<string, unknown>;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
  if (node.const !== undefined) return node.const;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const choices = node[key];
    if (Array.isArray(choices) && choices.length > 0) return answerFromSchema(choices[0]);
  }
  switch (typeOf(node.type)) {
    case 'string':
      return 'fake';
    case 'number':
    case 'integer':
      // Not 0: Gemini CLI's classifier score must be 1 to 100 without its schema saying so.
      return typeof node.minimum === 'number' ? node.minimum : 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return [];
    default:
      return objectFromSchema(node);
  }
}

/** Gemini schemas write types in upper case (`OBJECT`) in `responseSchema`; a list of types takes its first. */
function typeOf(type: unknown): string | undefined {
  const first = Array.isArray(type) ? (type[0] as unknown) : type;
  return typeof first === 'string' ? first.toLowerCase() : undefined;
}

function objectFromSchema(node: Record<string, unknown>): Record<string, unknown> {
  const properties = typeof node.properties === 'object' && node.properties !== null ? (node.properties as Record<string, unknown>) : {};
  const required = Array.isArray(node.required) ? node.required.filter((name): name is string => typeof name === 'string') : [];
  return Object.fromEntries(required.map((name) => [name, answerFromSchema(properties[name])]));
}

/** The schema a Gemini request asks its answer to follow (`generationConfig.responseJsonSchema` or `responseSchema`), if any. */
export function requestedSchema(body: unknown): unknown {
  const config = (body as { generationConfig?: Record<string, unknown> } | undefined)?.generationConfig;
  return config?.responseJsonSchema ?? config?.responseSchema;
}

/** The answer to a Gemini request for structured output (its JSON as text), or undefined for an ordinary request. */
export function structuredTurn(body: unknown): TextTurn | undefined {
  const schema = requestedSchema(body);
  return schema === undefined ? undefined : { text: JSON.stringify(answerFromSchema(schema)) };
}
