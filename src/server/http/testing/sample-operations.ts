import { z } from 'zod';
import { ErrorCode, OrchestraError } from '../../../core/errors.js';
import { defineOperation } from '../../../services/api/index.js';
import { pageInput, pageOf } from '../../../services/api/index.js';

/*
 * Operations the HTTP tests serve (issue 12): a read with query coercion, a write with a path
 * parameter and a body, one that fails with field details, one whose result breaks its own schema.
 */

const note = z.object({ id: z.number().int(), text: z.string(), tags: z.array(z.string()) });

export const listNotes = defineOperation({
  name: 'notes.list',
  summary: 'List notes',
  description: 'The notes matching the filters, a page at a time.',
  access: 'read',
  input: z.object({ ...pageInput, tags: z.array(z.string()).optional(), archived: z.boolean().default(false), minId: z.number().int().optional() }),
  output: pageOf(note).extend({ echo: z.record(z.string(), z.unknown()) }),
  http: { method: 'get', path: '/notes' },
  mcp: 'list_notes',
  handle: async (_deps, _caller, input) => ({ items: [], echo: input }),
});

export const editNote = defineOperation({
  name: 'notes.edit',
  summary: 'Edit a note',
  description: 'Replaces the text of note `id`.',
  access: 'write',
  input: z.object({ id: z.coerce.number().int().positive(), text: z.string().min(1), meta: z.object({ author: z.string() }).optional() }),
  output: note,
  http: { method: 'patch', path: '/notes/{id}' },
  mcp: 'edit_note',
  handle: async (_deps, caller, input) => ({ id: input.id, text: input.text, tags: [caller.user] }),
});

export const rejectNote = defineOperation({
  name: 'notes.reject',
  summary: 'Always refuses',
  description: 'Fails with E_FORM_INVALID naming two fields.',
  access: 'read',
  input: z.object({}),
  output: z.object({}),
  http: { method: 'post', path: '/notes/reject' },
  mcp: false,
  handle: async () => {
    throw new OrchestraError(ErrorCode.FORM_INVALID, 'the answer is not valid', { hint: 'Fix the fields.', fields: [{ field: 'reason', message: 'Required' }, { field: 'score', message: 'Too big' }] });
  },
});

export const brokenNote = defineOperation({
  name: 'notes.broken',
  summary: 'Breaks its schema',
  description: 'Returns a result its output schema refuses, or throws a plain Error with a secret in it.',
  access: 'read',
  input: z.object({ crash: z.boolean().default(false) }),
  output: z.object({ id: z.number() }),
  http: { method: 'get', path: '/notes/broken' },
  mcp: false,
  handle: async (_deps, _caller, input) => {
    if (input.crash) throw new Error('boom at /secret/path');
    return { id: 'not a number' } as unknown as { id: number };
  },
});

export const sampleOperations = [listNotes, editNote, rejectNote, brokenNote] as const;
