import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineOperation, type Operation } from '../../services/api/index.js';
import { openApiDocument } from './openapi-document.js';
import { pathParams } from './route-path.js';
import { startApiFixture } from './testing/api-fixture.js';
import { sampleOperations } from './testing/sample-operations.js';

interface Doc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { operationId: string; summary: string; description?: string; security?: unknown[]; parameters?: Array<{ name: string; in: string; required: boolean; schema: Record<string, unknown> }>; requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> }; responses: Record<string, Record<string, unknown>> }>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  security: unknown[];
}

// A recursive schema with a named part: its `$ref`s must still resolve inside the document.
const tree: z.ZodType<{ name: string; children: unknown[] }> = z.lazy(() => z.object({ name: z.string(), children: z.array(tree) }));
const owner = z.object({ login: z.string() }).meta({ id: 'Owner' });
const recursive = defineOperation({
  name: 'trees.get', summary: 'A tree', description: 'Returns a tree.', access: 'read',
  input: z.object({ id: z.string(), owner: owner.optional() }), output: z.object({ root: tree, owner }),
  http: { method: 'post', path: '/trees/{id}' }, mcp: false,
  handle: async (_deps, _caller, input) => ({ root: { name: input.id, children: [] }, owner: { login: 'x' } }),
});
const operations: readonly Operation[] = [...sampleOperations, recursive];
const doc = openApiDocument(operations) as unknown as Doc;

/** Every `$ref` anywhere in `value`. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => (key === '$ref' && typeof item === 'string' ? [item] : refsIn(item)));
}

function resolve(ref: string): unknown {
  return ref.replace(/^#\//, '').split('/').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
}

describe('openapi.json', () => {
  it('issue 12: every operation is in it, by method and path, with its name as operationId, summary and description', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Orchestra', version: expect.any(String) });
    for (const op of operations) {
      expect(doc.paths[op.http.path]?.[op.http.method], op.name).toMatchObject({ operationId: op.name, summary: op.summary, description: op.description });
    }
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((entry) => entry.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(operations.length + 2);
  });

  it('issue 12: it is structurally valid: every $ref resolves, every path template is a declared path parameter, every response is described', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(operations.length);
    for (const ref of refs) expect(resolve(ref), ref).toBeTypeOf('object');
    expect(refs.filter((ref) => !ref.startsWith('#/components/'))).toEqual([]);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, entry] of Object.entries(item)) {
        expect(['get', 'post', 'patch', 'delete']).toContain(method);
        const declared = (entry.parameters ?? []).filter((p) => p.in === 'path');
        expect(declared.map((p) => p.name).sort(), path).toEqual(pathParams(path).sort());
        expect(declared.every((p) => p.required)).toBe(true);
        for (const [status, response] of Object.entries(entry.responses)) {
          expect(status).toMatch(/^[1-5]\d\d$/);
          expect((response.$ref !== undefined ? resolve(response.$ref as string) : response) as Record<string, unknown>).toHaveProperty('description');
        }
      }
    }
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
    expect(JSON.stringify(doc)).not.toContain('$defs');
  });

  it('issue 12: bearer security everywhere but /health and /openapi.json; errors are problem+json', () => {
    expect(doc.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/health']?.get?.security).toEqual([]);
    expect(doc.paths['/openapi.json']?.get?.security).toEqual([]);
    expect(doc.paths['/notes']?.get?.security).toBeUndefined();
    const forbidden = resolve(doc.paths['/notes/{id}']?.patch?.responses['403']?.$ref as string);
    expect(forbidden).toMatchObject({ content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
    expect(doc.components.schemas.Problem).toMatchObject({ required: expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']) });
  });

  it('issue 12: a get takes its input as typed query parameters; a patch its path field apart from its body', () => {
    const list = doc.paths['/notes']?.get;
    const query = Object.fromEntries((list?.parameters ?? []).map((p) => [p.name, p]));
    expect(query.limit).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', default: 50 } });
    expect(query.tags).toMatchObject({ in: 'query', schema: { type: 'array', items: { type: 'string' } } });
    expect(query.archived?.schema).toMatchObject({ type: 'boolean' });
    expect(list?.requestBody).toBeUndefined();
    const edit = doc.paths['/notes/{id}']?.patch;
    expect(edit?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id']);
    const body = edit?.requestBody?.content['application/json']?.schema as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(body.properties)).toEqual(['text', 'meta']);
    expect(body.required).toEqual(['text']);
    expect(edit?.requestBody?.required).toBe(true);
    expect(edit?.responses['200']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/notes.edit.output' } } } });
    expect(doc.components.schemas['notes.edit.output']).toMatchObject({ type: 'object', required: ['id', 'text', 'tags'] });
  });

  it('issue 12: named and recursive schemas become components of their own', () => {
    expect(doc.components.schemas.Owner).toMatchObject({ type: 'object', properties: { login: { type: 'string' } } });
    expect(refsIn(doc.components.schemas['trees.get.output'])).toContain('#/components/schemas/Owner');
    expect(refsIn(doc.components.schemas['trees.get.input'])).toContain('#/components/schemas/Owner.input');
    expect(doc.components.schemas['Owner.input']).toMatchObject({ type: 'object' });
  });

  it('issue 12: the server serves the same document, without a token', async () => {
    const api = await startApiFixture({ operations });
    try {
      const response = await api.call('/openapi.json');
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual(JSON.parse(JSON.stringify(doc)));
    } finally {
      await api.server.close();
    }
  });
});
