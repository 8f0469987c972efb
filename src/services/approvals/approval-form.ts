import type { FormDefinition, JsonObject } from '../../store/human-task-types.js';

/** What Claude Code sends its --permission-prompt-tool: the tool it wants to run and that tool's input. */
export interface ApprovalRequest {
  toolName: string;
  input: JsonObject;
  toolUseId?: string;
}

/** The answer Claude Code expects back, as the tool's JSON text (docs/mcp.md, Approvals). */
export type ApprovalDecision = { behavior: 'allow'; updatedInput: JsonObject } | { behavior: 'deny'; message: string };

/** The form a person answers: allow or deny, the input as they would have it run, a word for the agent. */
export const approvalForm: FormDefinition = {
  decision: {
    type: 'select',
    label: 'Allow the agent to run this tool?',
    required: true,
    options: [
      { value: 'allow', label: 'Allow' },
      { value: 'deny', label: 'Deny' },
    ],
  },
  input: { type: 'textarea', label: "The tool's input as JSON (edit it to change what runs; empty: as asked)" },
  message: { type: 'textarea', label: 'A message for the agent (why it was denied, what to do instead)' },
};

/**
 * The decision an answer of approvalForm makes: allow with the person's edited input (or the
 * input as asked), or deny with their message. An edited input that is not a JSON object is the
 * answerer's mistake: it becomes a denial that says so, never a run of something nobody approved.
 */
export function decisionOf(answer: JsonObject, request: ApprovalRequest): ApprovalDecision {
  const message = typeof answer.message === 'string' && answer.message.trim() !== '' ? answer.message.trim() : undefined;
  if (answer.decision !== 'allow') return { behavior: 'deny', message: message ?? `A person denied ${request.toolName}.` };
  const edited = editedInput(answer.input);
  if (edited === 'invalid') return { behavior: 'deny', message: 'The approval gave an input that is not a JSON object; nothing ran.' };
  return { behavior: 'allow', updatedInput: edited ?? request.input };
}

function editedInput(value: unknown): JsonObject | undefined | 'invalid' {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as JsonObject) : 'invalid';
  } catch {
    return 'invalid';
  }
}
