import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { locate, type YamlSource } from '../../config/yaml-locate.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { excerptAt } from '../../core/source-location.js';
import { formInvalidError } from '../../humans/tasks/form-issue.js';
import { formIssues } from '../../humans/tasks/validate-form.js';
import type { FormDefinition } from '../../store/human-task-types.js';

const hint = 'docs/human-tasks.md#forms lists the field types and their keys.';

/**
 * A form from a YAML or JSON file (JSON is YAML), checked field by field. A problem is reported at
 * its file:line:column with the line quoted, as orchestra.yaml's are; the message lists them all.
 */
export async function readFormFile(path: string, cwd: string): Promise<FormDefinition> {
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new OrchestraError(missing ? ErrorCode.FILE_NOT_FOUND : ErrorCode.FILE_READ, `cannot read the form file ${path}: ${(error as Error).message}`, {
      hint: 'Name a YAML or JSON file holding the form, e.g. { decision: { type: select, options: [...] } }.',
      cause: error,
    });
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const [syntax] = doc.errors;
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    const location = { file, line, column: col };
    throw new OrchestraError(ErrorCode.FORM_INVALID, `the form file is not valid YAML or JSON: ${syntax.message.split('\n')[0]}`, { location, detail: excerptAt(text, location), hint });
  }
  const form: unknown = doc.toJS();
  const issues = formIssues(form);
  const [first] = issues;
  if (!first) return form as FormDefinition;
  const source: YamlSource = { file, text, doc, lines };
  const location = locate(source, first.path, first.message.startsWith('unknown key') ? 'key' : 'value');
  throw formInvalidError('the form', issues, hint, { location, excerpt: excerptAt(text, location) });
}
