import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { orchestraVersion } from '../../core/package-version.js';
import type { Operation } from '../../services/api/index.js';
import { jsonSchemaOf } from './json-schema.js';
import { openApiOperation, problemStatuses } from './openapi-operation.js';
import { problemContentType } from './problem.js';
import { SchemaComponents } from './schema-components.js';

/** The shape of problem.ts's Problem, for the document. */
const problemSchema = z.object({
  type: z.string().describe('urn:orchestra:error:<code>'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string().describe('The Orchestra error code, as the CLI prints it (E_TASK_NOT_FOUND…).'),
  hint: z.string().optional().describe('What to do about it.'),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional().describe('Each bad field of the input (a.b.0) and what is wrong with it.'),
  location: z.object({ file: z.string(), line: z.number().int(), column: z.number().int() }).optional(),
});

const unauthenticated = (operationId: string, summary: string, schema: Record<string, unknown>) => ({
  get: { operationId, summary, security: [], responses: { '200': { description: summary, content: { 'application/json': { schema } } } } },
});

/**
 * The OpenAPI 3.1 document of `operations` (issue 12), generated from their zod schemas with zod's
 * own JSON Schema output (draft 2020-12, the dialect OpenAPI 3.1 uses), so it cannot drift from
 * what the routes check. Every route needs the bearer token but /health and this document.
 */
export function openApiDocument(operations: readonly Operation[]): Record<string, unknown> {
  const outputs = new SchemaComponents();
  const inputs = new SchemaComponents(outputs.schemas, '.input');
  const problemRef = outputs.add('Problem', jsonSchemaOf(problemSchema, 'output'));
  const paths: Record<string, Record<string, unknown>> = {
    '/health': unauthenticated('health', 'Whether the server answers', { type: 'object', properties: { ok: { const: true } }, required: ['ok'] }),
    '/openapi.json': unauthenticated('openapi', 'This document', { type: 'object' }),
  };
  for (const op of operations) (paths[op.http.path] ??= {})[op.http.method] = openApiOperation(op, { inputs, outputs });
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Orchestra',
      version: orchestraVersion(),
      description: 'Pipelines, coding-agent tasks, human tasks and code-first workflows. Errors are RFC 9457 problem+json carrying the CLI\'s error codes.',
    },
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from `orchestra token create`.' } },
      schemas: outputs.schemas,
      responses: Object.fromEntries(
        problemStatuses.map((status) => [`Problem${status}`, { description: STATUS_CODES[Number(status)] ?? status, content: { [problemContentType]: { schema: problemRef } } }]),
      ),
    },
  };
}
