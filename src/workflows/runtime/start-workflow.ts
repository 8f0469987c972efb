import { createHash, randomUUID } from 'node:crypto';
import { ErrorCode, OrchestraError, type FieldIssue } from '../../core/errors.js';
import type { JsonValue } from '../../store/human-task-types.js';
import type { StartedWorkflow } from '../../store/workflow-types.js';
import type { WorkflowDefinition } from '../definition.js';
import type { WorkflowDeps } from './deps.js';
import { jsonProblem } from './json-result.js';

export interface StartOptions {
  /** Makes the start idempotent: an instance with this id is returned as it is. Generated when absent. */
  id?: string;
  /** The hash of the workflow's source (the loader gives it); by default a hash of the function's text. */
  version?: string;
  parentId?: string;
  /** The project folder whose workflows/ defines it (absolute): the daemon loads the instance's code from there. */
  projectDir?: string;
  /** Starts it leased to this owner (a fork copying its journal in before any worker runs it). */
  lease?: { owner: string; expiresAt: number };
}

/**
 * Starts an instance: checks `input` against the definition's zod schema (E_WORKFLOW_INPUT naming
 * each bad field) and stores the instance `running`, pinned to `version`. It does not run it:
 * runInstance (or a worker's claim) does.
 */
export async function startWorkflow<I, O>(deps: WorkflowDeps, definition: WorkflowDefinition<I, O>, input: unknown, options: StartOptions = {}): Promise<StartedWorkflow> {
  const checked = checkInput(definition, input);
  const started = await deps.store.startWorkflow(deps.scope, {
    id: options.id ?? `wf-${randomUUID()}`,
    name: definition.name,
    version: options.version ?? sourceVersion(definition),
    input: checked as JsonValue,
    ...(options.parentId !== undefined && { parentId: options.parentId }),
    ...(options.projectDir !== undefined && { projectDir: options.projectDir }),
    ...(options.lease !== undefined && { lease: options.lease }),
    createdAt: deps.clock.now(),
  });
  if (started.instance.name !== definition.name) {
    throw new OrchestraError(ErrorCode.WORKFLOW_STATE, `cannot start workflow "${definition.name}" as "${started.instance.id}": that id belongs to an instance of "${started.instance.name}"`, {
      hint: 'Instance ids are unique across workflows: pass another --id, or none to get a fresh one.',
    });
  }
  return started;
}

/** The input as the schema parses it (defaults applied), or without a schema a JSON object (`{}` when none is given); plain JSON either way. */
export function checkInput<I, O>(definition: WorkflowDefinition<I, O>, input: unknown): unknown {
  const schema = definition.options.input;
  let value = input;
  if (schema) {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fields: FieldIssue[] = parsed.error.issues.map((issue) => ({ field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)', message: issue.message }));
      throw inputError(definition.name, fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
    }
    value = parsed.data;
  } else {
    // Without a schema the function's input is typed a JSON object (workflow()'s default): hold it to that.
    value = input ?? {};
    if (typeof value !== 'object' || Array.isArray(value)) throw inputError(definition.name, 'without an input schema it must be a JSON object', [{ field: '(input)', message: `expected an object, got ${Array.isArray(value) ? 'an array' : typeof value}` }]);
  }
  const problem = jsonProblem(value === undefined ? null : value);
  if (problem) throw inputError(definition.name, `it is not JSON (${problem})`, [{ field: '(input)', message: problem }]);
  return value === undefined ? null : value;
}

function inputError(name: string, detail: string, fields: FieldIssue[]): OrchestraError {
  return new OrchestraError(ErrorCode.WORKFLOW_INPUT, `the input of workflow "${name}" is not valid: ${detail}`, {
    hint: 'Pass input that matches the workflow\'s input schema (--input \'{…}\').',
    fields,
  });
}

function sourceVersion(definition: { run: unknown }): string {
  return createHash('sha256').update(String(definition.run)).digest('hex').slice(0, 16);
}
