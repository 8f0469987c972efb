import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { closestName } from '../core/closest-name.js';
import { frontMatterFirstLine } from './front-matter.js';
import { isTaskStatus, taskStatuses, type TaskStatus } from './task.js';
import { describeValue, taskFileError, type TaskFileSource } from './task-file-error.js';

const fileStart = { line: 1, column: 1 };

/**
 * Typed access to the keys of one front matter block. Every problem throws E_TASK_FILE at the
 * key's line:column in the file (the YAML starts on line 2, so its lines are shifted by one).
 */
export class FrontMatterReader {
  readonly data: Record<string, unknown>;
  private readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(
    private readonly source: TaskFileSource,
    yaml: string,
  ) {
    this.doc = parseDocument(yaml, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    const [syntax] = this.doc.errors;
    if (syntax) {
      const message = `invalid YAML in the front matter: ${syntax.message.split('\n')[0] ?? ''}`;
      throw taskFileError(source, this.position(syntax.pos[0]), message, 'Fix the YAML syntax; quote values that contain ": " or start with a special character.');
    }
    const data: unknown = this.doc.toJS() ?? {};
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw taskFileError(source, { line: frontMatterFirstLine, column: 1 }, 'the front matter must be a mapping of keys (base_branch: main, status: draft, ...).', 'Write one "key: value" per line between the "---" lines.');
    }
    this.data = data as Record<string, unknown>;
  }

  requiredString(key: string, why: string): string {
    const value = this.optionalString(key);
    if (value !== undefined) return value;
    throw taskFileError(this.source, fileStart, `the front matter has no ${key}; it is required (${why}).`, `Add a line "${key}: main" (or your branch) between the "---" lines.`);
  }

  /** Absent, null and "" all mean "not set": a hand-edited `agent:` with nothing after it is fine. */
  optionalString(key: string): string | undefined {
    const value = this.data[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string') return value;
    throw this.valueError(key, `${key} must be a string, got ${describeValue(value)}.`, `Quote the value: ${key}: "${String(value)}".`);
  }

  status(): TaskStatus {
    const value = this.data.status ?? 'draft';
    if (isTaskStatus(value)) return value;
    const suggestion = typeof value === 'string' ? closestName(value, taskStatuses) : undefined;
    const did = suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`;
    const shown = typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
    throw this.valueError('status', `unknown status ${shown}.${did} Allowed: ${taskStatuses.join(', ')}.`, 'Set status to one of the allowed values, or remove the line (a new task is a draft).');
  }

  port(): number | undefined {
    const value = this.data.port;
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535) return value;
    throw this.valueError('port', `port must be an integer from 1 to 65535, got ${describeValue(value)}.`, 'Write the port as a plain number (port: 4101), or remove the line to let Orchestra pick one.');
  }

  /** An ISO 8601 time, kept as written; `fallback` when the key is absent. */
  time(key: string, fallback: string): string {
    const value = this.data[key];
    if (value === undefined || value === null) return fallback;
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
    throw this.valueError(key, `${key} must be an ISO 8601 time like 2025-01-31T12:00:00.000Z, got ${describeValue(value)}.`, `Fix the time, or remove the line (the file's modification time is used).`);
  }

  private valueError(key: string, message: string, hint: string): Error {
    return taskFileError(this.source, this.valuePosition(key), message, hint);
  }

  private valuePosition(key: string): { line: number; column: number } {
    const contents = this.doc.contents;
    if (!isMap(contents)) return fileStart;
    const pair = contents.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    const node = (pair?.value ?? pair?.key) as { range?: [number, number, number] } | null | undefined;
    return node?.range ? this.position(node.range[0]) : fileStart;
  }

  private position(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line: line + frontMatterFirstLine - 1, column: col };
  }
}
