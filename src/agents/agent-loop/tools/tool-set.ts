import { tool, type ToolSet } from 'ai';
import type { z } from 'zod';
import { isOrchestraError } from '../../../core/errors.js';
import { editFileInput, editFileTool, readFileInput, readFileTool, writeFileInput, writeFileTool } from './file-tools.js';
import { grepInput, grepTool, listInput, listTool } from './search-tools.js';
import { shellInput, shellTool } from './shell-tool.js';
import type { ToolContext } from './tool-context.js';

interface AgentTool<S extends z.ZodType> {
  description: string;
  input: S;
  run(input: z.infer<S>, context: ToolContext): Promise<string>;
}

function agentTool<S extends z.ZodType>(definition: AgentTool<S>): AgentTool<z.ZodType> {
  return definition as unknown as AgentTool<z.ZodType>;
}

/** The agent backend's tools; names follow the common coding-agent vocabulary. */
export const agentTools: Readonly<Record<string, AgentTool<z.ZodType>>> = {
  read_file: agentTool({ description: 'Read a text file in the working directory.', input: readFileInput, run: readFileTool }),
  write_file: agentTool({ description: 'Create or overwrite a file in the working directory.', input: writeFileInput, run: writeFileTool }),
  edit_file: agentTool({
    description: 'Replace one exact occurrence of old_string with new_string in a file. Fails when old_string is missing or not unique.',
    input: editFileInput,
    run: editFileTool,
  }),
  list: agentTool({ description: 'List files in the working directory, optionally filtered by a glob.', input: listInput, run: listTool }),
  grep: agentTool({ description: 'Search file contents with a regular expression; prints file:line: text.', input: grepInput, run: grepTool }),
  shell: agentTool({ description: 'Run a shell command in the working directory and return its output and exit code.', input: shellInput, run: shellTool }),
};

/** The tools as the model sees them: schemas only, no `execute`, so each call comes back to the loop. */
export function toolsForModel(): ToolSet {
  return Object.fromEntries(Object.entries(agentTools).map(([name, definition]) => [name, tool({ description: definition.description, inputSchema: definition.input })]));
}

export interface ToolCallResult {
  output: string;
  isError: boolean;
}

/**
 * Runs one call. Mistakes of the model (bad input, a path outside the directory, an ambiguous
 * edit) come back as error results it can act on; only cancellation propagates.
 */
export async function executeTool(name: string, input: unknown, context: ToolContext): Promise<ToolCallResult> {
  const definition = Object.hasOwn(agentTools, name) ? agentTools[name] : undefined;
  if (definition === undefined) return { output: `Unknown tool "${name}". Available: ${Object.keys(agentTools).join(', ')}.`, isError: true };
  const parsed = definition.input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { output: `Invalid input for ${name}: ${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`, isError: true };
  }
  try {
    return { output: await definition.run(parsed.data, context), isError: false };
  } catch (error) {
    if (context.signal.aborted) throw error;
    if (isOrchestraError(error)) return { output: `Error: ${error.message}.${error.hint ? ` ${error.hint}` : ''}`, isError: true };
    return { output: `Error: ${error instanceof Error ? error.message : String(error)}`, isError: true };
  }
}
