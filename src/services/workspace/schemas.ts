import { z } from 'zod';
import { projectInput } from '../pipelines/schemas.js';

/* The input and output of workspaces.cleanup (issue 14): one definition for HTTP, tRPC and MCP. */

export const cleanupInput = z.strictObject({
  project: projectInput,
  dryRun: z.boolean().default(false).describe('Decide and report; remove nothing.'),
  olderThan: z.string().max(32).optional().describe('Only runs that finished at least this long ago: a duration such as 7d, 12h or 30m (default: any).'),
  force: z.boolean().default(false).describe('Also remove interrupted runs and work that is neither merged nor pushed (never a running run).'),
});

const cleanupItem = z.object({
  kind: z.enum(['run', 'task']),
  repo: z.string().describe("The workspace repo's name; for a task, the project folder."),
  runId: z.string().optional(),
  pipeline: z.string().optional(),
  task: z.string().optional().describe('`{id}-{slug}` of a task worktree.'),
  branches: z.array(z.string()),
  worktrees: z.array(z.string()),
  reason: z.string().describe('Why it was removed or kept, e.g. "pushed to origin" or "unpushed and unmerged: 3 commits; use --force".'),
});

export const cleanupReport = z.object({
  dryRun: z.boolean(),
  removed: z.array(cleanupItem).describe('Removed (on a dry run: would be removed).'),
  kept: z.array(cleanupItem),
  problems: z.array(z.object({ repo: z.string(), code: z.string(), message: z.string(), hint: z.string().optional() })).describe('Repos that could not be cleaned; the others were.'),
  pruned: z.array(z.string()).describe('Worktree registrations whose folder was gone (git worktree prune).'),
});
