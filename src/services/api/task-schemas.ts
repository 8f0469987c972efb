import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { isValidSlug, slugRule, TaskStatus } from '../../tasks/index.js';

/* The shapes of the task operations (task-operations.ts): inputs, and the task as every way in shows it. */

export const projectInput = z
  .string()
  .refine(isAbsolute, 'must be an absolute path to the project root')
  .describe('Absolute path of the project (its main checkout), one this Orchestra serves.');

export const refInput = z.string().trim().min(1, 'names a task: its id (42), slug (fix-tests) or 42:fix-tests').max(200);

export const slugInput = z.string().refine(isValidSlug, slugRule).describe('Names the task and its branch: lowercase words joined by hyphens (fix-date-tests).');

export const taskTarget = { project: projectInput, ref: refInput };

const optionalText = z.string().optional();
const optionalCount = z.number().int().optional();

export const taskStatusOutput = z.enum(TaskStatus).describe('draft → running ⇄ idle → completed → reviewed → merged; or stopped / failed.');

export const taskViewOutput = z.object({
  id: z.number().int(),
  slug: z.string(),
  status: taskStatusOutput,
  baseBranch: z.string().describe('The branch the task started from and merges into.'),
  agent: optionalText.describe('The agent profile (claude-code, opencode, codex, gemini, or one of orchestra.yaml).'),
  branch: optionalText.describe('orchestra/<id>-<slug>, once started.'),
  worktree: optionalText.describe("Absolute path of the task's git worktree, once started."),
  port: optionalCount.describe('ORCHESTRA_PORT of the task.'),
  agentSession: optionalText,
  createdAt: z.string(),
  updatedAt: z.string(),
  description: z.string().describe("The task file's markdown body: the agent's first prompt."),
  file: z.string().describe('Absolute path of the task file (.orchestra/tasks/<id>:<slug>.md).'),
  projectRoot: z.string(),
  projectName: z.string(),
  activity: z.enum(['working', 'idle', 'waiting']).optional().describe("The running agent's activity; absent when none runs."),
  needsInput: z.boolean().describe('The agent waits for an answer from a person.'),
  pid: optionalCount,
  lastLine: optionalText.describe("The last line of the agent's screen."),
});

export const taskProblemOutput = z.object({
  projectRoot: z.string(),
  code: z.string(),
  message: z.string(),
  hint: optionalText,
  file: optionalText,
  line: optionalCount,
  column: optionalCount,
});
