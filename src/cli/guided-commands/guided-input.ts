import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { parseJsonOption } from '../workflow-commands/json-option.js';

/* What `guided start`, `advance` and `resume` read from their flags: JSON objects, a report. */

type JsonObject = Record<string, unknown>;

/** `--context JSON` or `--context-file F` (not both): the context variables as a JSON object, `{}` when neither. */
export async function contextOption(cwd: string, options: { context?: string; contextFile?: string }): Promise<JsonObject> {
  if (options.context !== undefined && options.contextFile !== undefined) {
    throw new OrchestraError(ErrorCode.USAGE, '--context and --context-file both given', { hint: 'Pass the context one way: inline JSON with --context, or a JSON file with --context-file.' });
  }
  if (options.context !== undefined) return objectOption('--context', options.context);
  if (options.contextFile === undefined) return {};
  const file = resolve(cwd, options.contextFile);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new OrchestraError(ErrorCode.USAGE, `--context-file ${options.contextFile}: cannot read ${file} (${error.code ?? error.message})`, { hint: 'Name a JSON file holding the context object, e.g. {"goal":"Add CSV export"}.' });
  });
  return objectOption(`--context-file ${options.contextFile}`, text);
}

/** A flag's JSON that must be an object (context variables by name); E_USAGE naming the flag otherwise. */
export function objectOption(flag: string, text: string): JsonObject {
  const value = parseJsonOption(flag, text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OrchestraError(ErrorCode.USAGE, `${flag} must be a JSON object of variables by name (got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value})`, {
      hint: 'Give an object with the variables as its properties, e.g. {"goal":"Add CSV export"}.',
    });
  }
  return value as JsonObject;
}

export interface ReportOptions {
  status?: string;
  result?: string;
  contextUpdates?: string;
}

/** `--result` as JSON when it is JSON (an object, a list, a number…), else as the text given. */
export function resultOption(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The report for `step`: its status and result, as advance_workflow takes it. */
export function reportOf(step: string, status: string, options: ReportOptions): { step_id: string; status: string; result?: unknown } {
  return { step_id: step, status, ...(options.result !== undefined && { result: resultOption(options.result) }) };
}

/** `--context-updates JSON`, when given. */
export function contextUpdatesOf(options: ReportOptions): { context_updates?: JsonObject } {
  return options.contextUpdates === undefined ? {} : { context_updates: objectOption('--context-updates', options.contextUpdates) };
}
