import { z } from 'zod';
import { pageInput, pageOf } from '../api/pagination.js';
import { dotSourceInput, projectFileInput, projectInput, variablesInput } from '../pipelines/schemas.js';

/* The inputs and outputs of the run services (issue 12): one definition for HTTP, tRPC and MCP. */

export const runStates = ['running', 'interrupted', 'completed', 'failed'] as const;
export const displayStates = [...runStates, 'interrupted?', 'waiting'] as const;

export const runIdInput = z.string().regex(/^[0-9a-z]{1,64}$/, 'a run id is lowercase letters and digits').describe('The run id (runs.list gives them).');

export const runView = z.object({
  id: z.string(),
  pipeline: z.string(),
  /** Absolute path of the DOT file (for a run of DOT text, `<project>/(source).dot`). */
  file: z.string(),
  goal: z.string(),
  tenant: z.string(),
  state: z.enum(runStates).describe('As stored.'),
  displayState: z.enum(displayStates).describe('What the run is doing: `waiting` at a human gate (see humanTask); `interrupted?` when it says running but nothing drives it (resume it).'),
  currentNode: z.string().optional(),
  waitingAt: z.string().optional(),
  humanTask: z.string().optional().describe('The open human task its gate waits on: answer it with runs.answer.'),
  variables: z.record(z.string(), z.string()),
  simulate: z.boolean(),
  startedAt: z.number().int(),
  updatedAt: z.number().int(),
  finishedAt: z.number().int().optional(),
  durationMs: z.number().int(),
  outcome: z.string().optional(),
  error: z.string().optional(),
  parentRunId: z.string().optional(),
  parentCheckpoint: z.number().int().optional(),
  logsRoot: z.string(),
  damaged: z.string().optional(),
});
export type RunViewOutput = z.input<typeof runView>;

export const listRunsInput = z.strictObject({ state: z.enum(runStates).optional().describe('Only runs stored in this state.'), ...pageInput });
export const runListItem = runView.extend({ costUsd: z.number().describe("What the run's agent turns cost so far (US dollars).") });
export const runPage = pageOf(runListItem);

export const nodeView = z.object({
  index: z.number().int(),
  nodeId: z.string(),
  attempt: z.number().int(),
  status: z.string(),
  handler: z.string(),
  startedAt: z.number().int(),
  finishedAt: z.number().int().optional(),
  notes: z.string().optional(),
  failureReason: z.string().optional(),
});
export const checkpointView = z.object({ seq: z.number().int(), currentNode: z.string(), nextNode: z.string().nullable(), timestamp: z.number().int() });

export const runDetail = z.object({ run: runView, nodes: z.array(nodeView), checkpoints: z.array(checkpointView), costUsd: z.number().describe("What the run's agent turns cost (US dollars).") });

export const startRunInput = z
  .strictObject({
    project: projectInput,
    file: projectFileInput.optional(),
    source: dotSourceInput.optional(),
    variables: variablesInput,
    simulate: z.boolean().default(false).describe('Use the simulation backend: no model, no agent CLI, no key needed.'),
  })
  .superRefine((input, ctx) => {
    if ((input.file === undefined) === (input.source === undefined)) ctx.addIssue({ code: 'custom', path: ['file'], message: 'give exactly one of file and source' });
  });

export const runIdOnly = z.strictObject({ runId: runIdInput });
export const startedRun = z.object({ runId: z.string() });
export const replayInput = z.strictObject({
  runId: runIdInput,
  checkpoint: z.number().int().min(1).describe('The checkpoint number (runs.get lists them).'),
  context: z.record(z.string().min(1), z.unknown()).optional().describe("Context values replacing the checkpoint's before the new run starts (runs.checkpoint shows its context); keys not named keep their value."),
});
export const cancelOutput = z.object({ runId: z.string(), displayState: z.enum(displayStates), stopped: z.boolean().describe('A process was driving the run and was told to stop.') });
export const answerRunInput = z.strictObject({
  runId: runIdInput,
  answer: z.record(z.string(), z.unknown()).describe('The gate form\'s answer, e.g. {"choice": "ship"} (the target node of the edge chosen).'),
});
export const answeredGate = z.object({ runId: z.string(), humanTask: z.string(), nodeId: z.string() });
