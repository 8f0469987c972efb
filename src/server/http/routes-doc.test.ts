import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operations } from '../../services/api/index.js';
import { expectFreshDoc } from '../docs/testing/expect-fresh-doc.js';
import { renderRoutesDoc, routesDocBlock } from './routes-doc.js';
import { sampleOperations } from './testing/sample-operations.js';

const page = resolve(import.meta.dirname, '../../../docs/api.md');

describe('docs/api.md routes', () => {
  it('issue 12: the generated routes block of docs/api.md matches the operation table (npm run docs:api-routes rewrites it)', () => {
    expectFreshDoc(page, routesDocBlock, renderRoutesDoc(operations), 'docs:api-routes');
  });

  it('issue 12: a row gives the method, path, access, client method, MCP tool and summary; a pipe in a summary stays in its cell', () => {
    const block = renderRoutesDoc([...sampleOperations, { ...sampleOperations[0], name: 'notes.piped', summary: 'a | b', http: { method: 'get', path: '/notes/piped' } }]);
    expect(block).toContain('| `PATCH` | `/notes/{id}` | write | `notes.edit` | `edit_note` | Edit a note |');
    expect(block).toContain('| `POST` | `/notes/reject` | read | `notes.reject` | – | Always refuses |');
    expect(block).toContain('| a \\| b |');
    expect(block).toContain('5 operations.');
  });
});
