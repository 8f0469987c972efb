import { z } from 'zod';
import { nodeView, runIdInput } from './schemas.js';

/* What runs.node and runs.checkpoint return: one node's work, one checkpoint's context. */

export const runNodeInput = z.strictObject({
  runId: runIdInput,
  nodeId: z.string().min(1).max(200).describe("The node's id (runs.graph lists them)."),
});

const turnView = z.object({
  turn: z.number().int(),
  at: z.number().int(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  costUsd: z.number(),
  toolCalls: z.array(z.object({ name: z.string(), isError: z.boolean() })),
  commits: z.record(z.string(), z.string()).optional().describe("Each workspace repo's HEAD after the turn's commit (workspaces on)."),
  previousCommits: z.record(z.string(), z.string()).optional().describe("Each repo's HEAD before the turn: the turn's diff is `git diff previous..commit` on the run's session branch."),
  diffs: z.record(z.string(), z.string()).optional().describe("Each repo's diff of the turn, while the run's session worktree exists."),
});

const checkView = z.object({ name: z.string(), kind: z.string(), passed: z.boolean(), skipped: z.boolean().optional(), summary: z.string(), durationMs: z.number() });

export const runNodeDetail = z.object({
  runId: z.string(),
  nodeId: z.string(),
  executions: z.array(nodeView),
  prompt: z.string().optional().describe("The prompt of the node's latest visit (prompt.md)."),
  response: z.string().optional().describe('Its response (response.md).'),
  status: z.record(z.string(), z.unknown()).optional().describe('Its outcome (status.json).'),
  context: z.record(z.string(), z.unknown()).optional().describe('The context as the node saw it when it started (context.json).'),
  toolOutput: z.string().optional().describe("A tool node's output as streamed (stdout and stderr, the last 64 KB)."),
  checks: z.array(checkView).optional().describe("The latest attempt's checks (checks.json)."),
  turns: z.array(turnView).describe("The node's agent turns, oldest first."),
  costUsd: z.number().describe("What the node's agent turns cost."),
});

export const runCheckpointInput = z.strictObject({ runId: runIdInput, seq: z.number().int().min(1).describe('The checkpoint number (runs.get lists them).') });

export const runCheckpointDetail = z.object({
  runId: z.string(),
  seq: z.number().int(),
  currentNode: z.string(),
  nextNode: z.string().nullable(),
  timestamp: z.number().int(),
  context: z.record(z.string(), z.unknown()).describe('The context as saved: runs.replay `context` replaces values of it.'),
  completedNodes: z
    .array(z.object({ nodeId: z.string(), status: z.string().describe('Its latest outcome (success, partial_success, fail, retry, skipped).') }))
    .describe('The nodes completed by this checkpoint, in first-completion order: a replay from it starts with them done (a replayed run records no node history of its own for them).'),
});
