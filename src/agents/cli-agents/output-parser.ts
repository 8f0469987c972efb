import { lineMatches, readPath } from './field-path.js';
import { OutputFieldKeys, type FieldSpec, type OutputFieldKey, type OutputSpec } from './profile.js';

/** What the CLI's output said, as far as its profile knows where to look. */
export interface ParsedOutput {
  text: string | undefined;
  sessionId: string | undefined;
  costUsd: number | undefined;
  turns: number | undefined;
  toolUses: number | undefined;
  /** Tool names, when the tool-use path yields names. */
  toolNames: string[];
  isError: boolean | undefined;
  /** JSON lines only: lines that were not JSON objects, kept for the report. */
  unparsedLines: number;
  firstUnparsedLine: string | undefined;
}

export interface OutputParser {
  push(chunk: string): void;
  end(): ParsedOutput;
}

const keptTextChars = 200;

/**
 * Parses a CLI's stdout as it streams. Plain text is the answer as a whole; JSON lines are read
 * one at a time (a line that is not JSON is counted and skipped, since CLIs interleave warnings),
 * and each field combines its values across lines by its `reduce`.
 */
export function createOutputParser(spec: OutputSpec): OutputParser {
  let pending = '';
  let stdout = '';
  const values: Partial<Record<OutputFieldKey, unknown[]>> = {};
  let unparsedLines = 0;
  let firstUnparsedLine: string | undefined;

  const takeLine = (line: string): void => {
    if (spec.format !== 'jsonl' || line.trim() === '') return;
    const parsed = parseJson(line);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      unparsedLines += 1;
      firstUnparsedLine ??= line.trim().slice(0, keptTextChars);
      return;
    }
    for (const key of OutputFieldKeys) {
      const field = spec.fields[key];
      if (field === undefined || !lineMatches(parsed, field.when)) continue;
      (values[key] ??= []).push(...readPath(parsed, field.path));
    }
  };

  return {
    push(chunk: string): void {
      if (spec.format === 'text') {
        stdout += chunk;
        return;
      }
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(takeLine);
    },
    end(): ParsedOutput {
      if (spec.format === 'text') return { ...emptyOutput(), text: stdout.trim() === '' ? undefined : stdout.trim() };
      takeLine(pending);
      pending = '';
      const reduced = (key: OutputFieldKey): unknown => {
        const field = spec.fields[key];
        return field === undefined ? undefined : reduce(field, values[key] ?? []);
      };
      const toolValues = values.toolUses ?? [];
      return {
        text: asText(reduced('text')),
        sessionId: asText(reduced('sessionId')),
        costUsd: asNumber(reduced('costUsd')),
        turns: asNumber(reduced('turns')),
        toolUses: asNumber(reduced('toolUses')),
        toolNames: toolValues.filter((value): value is string => typeof value === 'string'),
        isError: asBoolean(reduced('isError')),
        unparsedLines,
        firstUnparsedLine,
      };
    },
  };
}

/** Combines one field's values across lines. Exported for its table test. */
export function reduce(field: Pick<FieldSpec, 'reduce'>, values: readonly unknown[]): unknown {
  switch (field.reduce) {
    case 'first':
      return values[0];
    case 'last':
      return values.at(-1);
    case 'count':
      return values.length;
    case 'sum':
      return values.length === 0 ? undefined : values.reduce<number>((total, value) => total + (asNumber(value) ?? 0), 0);
    case 'join':
      return values.length === 0 ? undefined : values.map((value) => asText(value) ?? '').join('');
  }
}

function emptyOutput(): ParsedOutput {
  return { text: undefined, sessionId: undefined, costUsd: undefined, turns: undefined, toolUses: undefined, toolNames: [], isError: undefined, unparsedLines: 0, firstUnparsedLine: undefined };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function asNumber(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : undefined;
}

// Any other value found at the path (an error object, say) means an error was reported.
function asBoolean(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  return !(value === 'false' || value === '' || value === 0);
}
