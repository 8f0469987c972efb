import { z } from 'zod';
import { ErrorCode, OrchestraError } from '../../../core/errors.js';
import { defineOperation } from '../../../services/api/index.js';

/** Operations for the MCP tests: the real table is filled by the areas (tasks, runs, human tasks…). */
export const sampleOperations = [
  defineOperation({
    name: 'samples.echo',
    summary: 'Echo a text',
    description: 'Returns the text, repeated `times` times.',
    access: 'read',
    input: z.object({ text: z.string(), times: z.number().int().min(1).default(1) }),
    output: z.object({ text: z.string(), by: z.string() }),
    http: { method: 'post', path: '/echo' },
    mcp: 'echo',
    handle: async (_deps, caller, input) => ({ text: input.text.repeat(input.times), by: caller.user }),
  }),
  defineOperation({
    name: 'samples.list',
    summary: 'List things',
    description: 'Returns the things as an array (no object output: no outputSchema).',
    access: 'read',
    input: z.object({}),
    output: z.array(z.string()),
    http: { method: 'get', path: '/things' },
    mcp: 'list_things',
    handle: async () => ['a', 'b'],
  }),
  defineOperation({
    name: 'samples.complete',
    summary: 'Complete a task',
    description: 'Fails with E_TASK_NOT_FOUND for any task but "t1".',
    access: 'write',
    idempotent: true,
    input: z.object({ ref: z.string() }),
    output: z.object({ ref: z.string(), status: z.literal('done') }),
    http: { method: 'post', path: '/tasks/{ref}/complete' },
    mcp: 'complete_task',
    handle: async (_deps, _caller, input) => {
      if (input.ref !== 't1') throw new OrchestraError(ErrorCode.TASK_NOT_FOUND, `no task "${input.ref}"`, { hint: 'List the tasks with list_things.' });
      return { ref: input.ref, status: 'done' as const };
    },
  }),
  defineOperation({
    name: 'samples.remove',
    summary: 'Remove a thing',
    description: 'Deletes it.',
    access: 'write',
    destructive: true,
    input: z.object({ id: z.string() }),
    output: z.object({ removed: z.string() }),
    http: { method: 'delete', path: '/things/{id}' },
    mcp: 'remove_thing',
    handle: async (_deps, _caller, input) => ({ removed: input.id }),
  }),
  defineOperation({
    name: 'samples.internal',
    summary: 'Not a tool',
    description: 'Served over HTTP only.',
    access: 'read',
    input: z.object({}),
    output: z.object({}),
    http: { method: 'get', path: '/internal' },
    mcp: false,
    handle: async () => ({}),
  }),
  defineOperation({
    name: 'runs.get',
    summary: 'Get a run',
    description: "A run's status and node history.",
    access: 'read',
    // The real runs.get's input: the run resource must give it `runId`.
    input: z.strictObject({ runId: z.string() }),
    output: z.object({ id: z.string(), status: z.string(), nodes: z.array(z.string()) }),
    http: { method: 'get', path: '/runs/{runId}' },
    mcp: 'get_run',
    handle: async (_deps, _caller, input) => {
      if (input.runId !== 'r1') throw new OrchestraError(ErrorCode.RUN_NOT_FOUND, `no run "${input.runId}"`);
      return { id: 'r1', status: 'running', nodes: ['start', 'work'] };
    },
  }),
] as const;
