import { createInterface } from 'node:readline/promises';
import { escapeTerminalText } from '../../core/terminal-text.js';
import { coerceFieldText } from '../../humans/tasks/coerce-answer.js';
import { checkAnswer } from '../../humans/tasks/validate-answer.js';
import type { FormDefinition, JsonObject } from '../../store/human-task-types.js';
import type { CliIo } from '../cli-io.js';
import { formatField } from './format-task.js';

/**
 * Asks for each field in turn at the terminal, checking each answer as it comes (an empty line
 * keeps the default or leaves an optional field out); a bad value is explained and asked again.
 */
export async function promptAnswer(io: CliIo, form: FormDefinition): Promise<JsonObject> {
  const rl = createInterface({ input: io.stdin, output: io.stdout, terminal: false });
  const answer: JsonObject = {};
  try {
    for (const [name, field] of Object.entries(form)) {
      io.stdout.write(`${formatField(name, field)}\n`);
      for (;;) {
        const line = await rl.question(`${escapeTerminalText(field.label ?? name)}> `);
        const value = coerceFieldText(form, name, line);
        const checked = checkAnswer({ [name]: field }, line === '' ? {} : { [name]: value });
        if (checked.ok) {
          if (checked.value[name] !== undefined) answer[name] = checked.value[name];
          break;
        }
        io.stdout.write(`  ${checked.issues.map((found) => escapeTerminalText(found.message)).join('; ')}\n`);
      }
    }
  } finally {
    rl.close();
  }
  return answer;
}
