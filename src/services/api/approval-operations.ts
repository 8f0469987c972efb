import { z } from 'zod';
import { requestApproval } from '../approvals/index.js';
import { humanTaskContext } from './human-task-context.js';
import { defineOperation } from './operation.js';

/*
 * Approvals for coding agents (issue 12): Claude Code's --permission-prompt-tool, served as the
 * MCP tool approval_prompt (a task's profile opts in with `interactive.approvals: true`).
 */

// The relay (`orchestra mcp`) waits for the daemon's answer with Node's fetch, whose headers
// timeout is 300 s: a longer wait would fail there, so the deadline stays below it.
const maxWaitSeconds = 280;
const defaultWaitSeconds = 240;

const allow = z.strictObject({ behavior: z.literal('allow'), updatedInput: z.record(z.string(), z.json()) });
const deny = z.strictObject({ behavior: z.literal('deny'), message: z.string() });

export const approvalOperations = [
  defineOperation({
    name: 'approvals.request',
    summary: "Ask a person to allow a coding agent's tool call",
    description:
      "Claude Code's permission prompt tool (--permission-prompt-tool mcp__orchestra__approval_prompt): creates a human task (form: decision allow|deny, an optional edited input as JSON, an optional message; context: the tool's name and input), waits for a person to answer it from the inbox, the API or MCP, and returns Claude Code's answer as JSON: {behavior: 'allow', updatedInput} (the person's edited input, else the input as asked) or {behavior: 'deny', message}. " +
      `Unanswered after timeout_seconds (default ${defaultWaitSeconds}, at most ${maxWaitSeconds}) the human task is cancelled and the call denied.`,
    access: 'write',
    // Not strict: Claude Code may send more than these fields in later versions.
    input: z.object({
      tool_name: z.string().min(1, 'must not be empty').max(200).describe('The tool the agent wants to run (Bash, Write, mcp__x__y…).'),
      input: z.record(z.string(), z.json()).describe("That tool's input."),
      tool_use_id: z.string().max(200).optional().describe("The model's id of this tool call."),
      timeout_seconds: z.number().int().min(1).max(maxWaitSeconds).default(defaultWaitSeconds).describe('How long to wait for a person before denying.'),
    }),
    output: z.union([allow, deny]),
    http: { method: 'post', path: '/approvals' },
    mcp: 'approval_prompt',
    handle: async (deps, caller, input) => {
      const ctx = await humanTaskContext(deps, caller, undefined);
      const request = { toolName: input.tool_name, input: input.input, ...(input.tool_use_id !== undefined && { toolUseId: input.tool_use_id }) };
      const deadline = deps.clock.now() + input.timeout_seconds * 1_000;
      const { decision } = await requestApproval(ctx, request, { deadline, ...(deps.storeWake !== undefined && { wake: deps.storeWake }), asker: { asked_by: caller.user } });
      return decision;
    },
  }),
] as const;
